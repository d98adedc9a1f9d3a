package io.codezero.pkg;

import com.pulumi.provider.internal.ResourceProviderService;
import io.codezero.stacks.CommonPoolParallelism;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's entry point, {@code pulumi-resource-codezero}: the engine starts it with its own address and reads the
 * port it listens on from its first line of output.
 */
public final class PackageMain {
    /** The package version: the schema's and the plugin's. */
    public static final String VERSION = "0.1.0";

    private PackageMain() {
    }

    /**
     * Serves the provider until the engine stops it.
     *
     * @param args the engine's address, with logging flags the engine may add
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--schema")) {
            System.out.println(PackageSchema.json(VERSION));  // for `pulumi package gen-sdk` of a schema file, and the docs
            return;
        }
        CommonPoolParallelism.ensureAtLeastTwo();
        new ResourceProviderService(engineAddress(args), new CodeZeroProvider(VERSION)).startAndBlockUntilShutdown();
    }

    /** The one argument that is not a logging flag ({@code --logtostderr}, {@code -v=N}, {@code --tracing X}, {@code --logflow}). */
    static String engineAddress(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--tracing")) {
                i++;
            } else if (!args[i].equals("--logtostderr") && !args[i].equals("--logflow") && !args[i].startsWith("-v=")) {
                rest.add(args[i]);
            }
        }
        if (rest.size() != 1) {
            throw new IllegalArgumentException("expected the engine's address as the one argument, got " + rest);
        }
        return rest.get(0);
    }
}
