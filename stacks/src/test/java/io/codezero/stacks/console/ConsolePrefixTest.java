package io.codezero.stacks.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./codezero console} on a program that exported its stacks with prefixes ({@code exportTo(ctx, "gke")}),
 * as README's two-stack example does: the outputs are found by prefix, or the prefixes found are listed.
 */
class ConsolePrefixTest {
    @TempDir
    Path dir;

    private static String kubeconfig(int port) {
        return """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """.formatted(port);
    }

    private static JsonObject outputs(String... prefixes) {
        JsonObject all = new JsonObject();
        for (int i = 0; i < prefixes.length; i++) {
            all.addProperty(prefixes[i] + (prefixes[i].isEmpty() ? "kubeconfig" : "Kubeconfig"), kubeconfig(1000 + i));
            all.add(prefixes[i] + (prefixes[i].isEmpty() ? "consoleUrls" : "ConsoleUrls"),
                    JsonParser.parseString("{\"headlamp\": \"https://headlamp." + (prefixes[i].isEmpty() ? "main" : prefixes[i]) + ".example.com/\"}"));
        }
        return all;
    }

    @Test
    void theOnlyPrefixIsFoundWithoutBeingNamed() throws IOException {
        ConsoleCommand.StackOutputs read = ConsoleCommand.StackOutputs.fromOutputs(outputs("gke"), null, dir);
        assertThat(read.kubeconfig()).contains("127.0.0.1:1000");
        assertThat(read.consoleUrls().orElseThrow()).containsEntry("headlamp", "https://headlamp.gke.example.com/");
    }

    @Test
    void aNamedPrefixPicksItsStack() throws IOException {
        ConsoleCommand.StackOutputs read = ConsoleCommand.StackOutputs.fromOutputs(outputs("gke", "metal"), "metal", dir);
        assertThat(read.kubeconfig()).contains("127.0.0.1:1001");
        assertThat(read.consoleUrls().orElseThrow()).containsEntry("headlamp", "https://headlamp.metal.example.com/");
    }

    @Test
    void unprefixedOutputsAreUsedWithoutAPrefix() throws IOException {
        ConsoleCommand.StackOutputs read = ConsoleCommand.StackOutputs.fromOutputs(outputs("", "gke"), null, dir);
        assertThat(read.consoleUrls().orElseThrow()).containsEntry("headlamp", "https://headlamp.main.example.com/");
    }

    @Test
    void severalPrefixesAreListedWithTheOptionThatPicksOne() {
        assertThatThrownBy(() -> ConsoleCommand.StackOutputs.fromOutputs(outputs("metal", "gke"), null, dir))
                .hasMessage("the stack exports 2 CodeZero stacks, with prefixes [gke, metal]; pick one with --prefix, e.g. --prefix gke");
    }

    @Test
    void aWrongPrefixListsThePrefixesFound() {
        assertThatThrownBy(() -> ConsoleCommand.StackOutputs.fromOutputs(outputs("gke", "metal"), "gcp", dir))
                .hasMessage("--prefix gcp: the stack has no gcpKubeconfig output; its prefixes are [gke, metal]");
    }

    @Test
    void noKubeconfigAtAllSaysWhatWasLookedFor() {
        JsonObject none = new JsonObject();
        none.addProperty("url", "https://example.com");
        assertThatThrownBy(() -> ConsoleCommand.StackOutputs.fromOutputs(none, null, dir))
                .hasMessageContaining("no kubeconfig output (nor a prefixed one such as gkeKubeconfig); has `pulumi up` run?");
    }

    /** Through the command and a stand-in Pulumi CLI printing the outputs `pulumi stack output --json` prints. */
    @Test
    void theCommandReadsPrefixedOutputsFromThePulumiCli() throws Exception {
        try (ServerSocket apiServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            JsonObject all = outputs("gke", "metal");
            all.addProperty("gkeKubeconfig", kubeconfig(apiServer.getLocalPort()));
            Path json = Files.writeString(dir.resolve("outputs.json"), all.toString());
            Path pulumi = Files.writeString(dir.resolve("pulumi"), "#!/bin/sh\ncat '" + json + "'\n");
            Files.setPosixFilePermissions(pulumi, PosixFilePermissions.fromString("rwx------"));

            ConsoleCommand ambiguous = new ConsoleCommand();
            ambiguous.pulumi = pulumi.toString();
            ConsoleCommandTest.Run r = ConsoleCommandTest.run(ambiguous, "--project", dir.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("with prefixes [gke, metal]; pick one with --prefix");

            // with --prefix gke the command connects to gke's API server (which hangs up: nothing more to check)
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try (Socket s = apiServer.accept()) {
                    return s;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            ConsoleCommand picked = new ConsoleCommand();
            picked.pulumi = pulumi.toString();
            r = ConsoleCommandTest.run(picked, "--project", dir.toString(), "--prefix", "gke");
            assertThat(accepted.get(10, TimeUnit.SECONDS)).as("connected to gke's API server").isNotNull();
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("prefix");
        }
    }

    @Test
    void aPrefixWithAKubeconfigFileIsRefused() {
        ConsoleCommandTest.Run r = ConsoleCommandTest.run(new ConsoleCommand(), "--prefix", "gke", "--kubeconfig", dir.resolve("k").toString());
        assertThat(r.exit()).isEqualTo(ConsoleCommand.INVALID_INPUT);
        assertThat(r.err()).contains("--prefix gke: names stack outputs, and --kubeconfig reads no outputs");
    }
}
