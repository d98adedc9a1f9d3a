package io.codezero.platform.secrets;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** Inputs of {@code random:index/randomPassword:RandomPassword}; only those the platform uses. */
public final class RandomPasswordArgs extends ResourceArgs {
    @Import(name = "length", required = true)
    private Output<Integer> length;

    @Import(name = "special")
    private Output<Boolean> special;

    @Import(name = "overrideSpecial")
    private Output<String> overrideSpecial;

    private RandomPasswordArgs() {
    }

    /**
     * A password of {@code length} characters. Special characters are limited to a URL- and
     * shell-safe set, because passwords end up in connection URLs and env files.
     */
    public static RandomPasswordArgs of(int length) {
        RandomPasswordArgs args = new RandomPasswordArgs();
        args.length = Output.of(length);
        args.special = Output.of(true);
        args.overrideSpecial = Output.of("-_.~");
        return args;
    }
}
