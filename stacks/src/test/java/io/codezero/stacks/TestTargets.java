package io.codezero.stacks;

import io.codezero.local.ExistingClusterArgs;
import io.codezero.local.ExistingClusterTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real existing-cluster target over a kubeconfig written for the test. */
public final class TestTargets {
    public static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: kind-test
            clusters: [{name: kind-test, cluster: {server: "https://127.0.0.1:6443"}}]
            users: [{name: admin, user: {token: "secret-token"}}]
            contexts: [{name: kind-test, context: {cluster: kind-test, user: admin}}]
            """;

    private TestTargets() {
    }

    public static Path writeKubeconfig(Path dir) {
        try {
            return Files.writeString(dir.resolve("kubeconfig"), KUBECONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExistingClusterTarget local(Path dir) {
        return new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(writeKubeconfig(dir)).build());
    }
}
