package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.core.annotations.CustomType;
import com.pulumi.core.annotations.Import;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.Resource;

/**
 * {@code digitalocean:index/getKubernetesVersions:getKubernetesVersions}: the newest DOKS version
 * slug (such as {@code 1.34.1-do.0}) of a Kubernetes minor, looked up when the program runs.
 */
public final class GetKubernetesVersions {
    public static final String TOKEN = "digitalocean:index/getKubernetesVersions:getKubernetesVersions";

    private GetKubernetesVersions() {
    }

    /** The latest slug whose version starts with {@code minor + "."}. */
    public static Output<String> latestOf(String minor, Resource parent) {
        Args args = new Args();
        args.versionPrefix = Output.of(minor + ".");
        InvokeOptions options = new InvokeOptions(parent, null, DigitalOceanPlugin.VERSION);
        return Deployment.getInstance().invoke(TOKEN, TypeShape.of(Result.class), args, options)
                .applyValue(result -> {
                    if (result.latestVersion == null || result.latestVersion.isBlank()) {
                        throw new IllegalStateException("DigitalOcean offers no Kubernetes " + minor
                                + ".x version; choose one it offers (see /v2/kubernetes/options) or set digitalocean.versionSlug");
                    }
                    return result.latestVersion;
                });
    }

    public static final class Args extends InvokeArgs {
        @Import(name = "versionPrefix")
        private Output<String> versionPrefix;
    }

    @CustomType
    public static final class Result {
        private String latestVersion;

        private Result() {
        }

        @CustomType.Builder
        public static final class Builder {
            private String latestVersion;

            public Builder() {
            }

            @CustomType.Setter
            public Builder latestVersion(String value) {
                this.latestVersion = value;
                return this;
            }

            public Result build() {
                Result out = new Result();
                out.latestVersion = latestVersion;
                return out;
            }
        }
    }
}
