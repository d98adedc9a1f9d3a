package io.codezero.stacks.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codezero.core.testing.TestPrerequisites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code codezero console} refuses before it connects anywhere, and the kubeconfig forms it reads. */
class ConsoleCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(ConsoleCommand command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownConsoleNameIsRefusedBeforeConnecting() throws Exception {
        try (ServerSocket apiServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String kubeconfig = """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d"}}]
                    users: [{name: u, user: {token: t}}]
                    contexts: [{name: x, context: {cluster: c, user: u}}]
                    current-context: x
                    """.formatted(apiServer.getLocalPort());
            ConsoleCommand command = new ConsoleCommand();
            command.outputs = () -> new ConsoleCommand.StackOutputs(kubeconfig,
                    Optional.of(Map.of("headlamp", "https://headlamp.example.com/", "grafana", "https://grafana.example.com/")), dir);
            Run r = run(command, "kibana");
            assertThat(r.exit()).isEqualTo(ConsoleCommand.INVALID_INPUT);
            assertThat(r.err()).contains("no console named \"kibana\"").contains("headlamp").contains("grafana");
            apiServer.setSoTimeout(300);
            assertThatThrownBy(apiServer::accept).as("nothing connected to the API server").isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void badOptionsAreRefusedWithWhatWouldBeValid() {
        Run r = run(new ConsoleCommand(), "Headlamp!", "--access", "cluster-admin", "--token-minutes", "5", "--kubeconfig", "/nonexistent");
        assertThat(r.exit()).isEqualTo(ConsoleCommand.INVALID_INPUT);
        assertThat(r.err()).contains("--access cluster-admin: must be one of [view, edit]")
                .contains("--token-minutes 5: must be between 10 and 1440").contains("console name \"Headlamp!\"");
    }

    @Test
    void listWithANameIsRefused() {
        Run r = run(new ConsoleCommand(), "headlamp", "--list", "--kubeconfig", "/nonexistent");
        assertThat(r.exit()).isEqualTo(ConsoleCommand.INVALID_INPUT);
        assertThat(r.err()).contains("--list lists every console; give it without a NAME (headlamp)");
    }

    @Test
    void aMissingKubeconfigFileSaysSo() {
        Run r = run(new ConsoleCommand(), "--kubeconfig", dir.resolve("none.yaml").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no such readable file");
    }

    @Test
    void kubeconfigProblemsNameTheFieldAndNeverPrintTheContent() {
        String secretish = "token-that-must-not-be-printed";
        String noUser = """
                apiVersion: v1
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: u, user: {token: %s}}]
                contexts: [{name: x, context: {cluster: c, user: other}}]
                current-context: x
                """.formatted(secretish);
        assertThatThrownBy(() -> Kubeconfig.parse(noUser, dir)).hasMessageContaining("no users entry named other")
                .hasMessageNotContaining(secretish);
        String plainHttp = noUser.replace("https://", "http://").replace("user: other", "user: u");
        assertThatThrownBy(() -> Kubeconfig.parse(plainHttp, dir)).hasMessageContaining("must be an https:// URL");
        assertThatThrownBy(() -> Kubeconfig.parse("[1, 2]", dir)).hasMessageContaining("not a YAML mapping");
    }

    @Test
    void execCredentialPluginsAreRun() throws Exception {
        Path plugin = dir.resolve("plugin.sh");
        Files.writeString(plugin, "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"from-plugin-'\"$CLUSTER\"'\"}}'\n");
        plugin.toFile().setExecutable(true);
        String yaml = """
                apiVersion: v1
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: %s, env: [{name: CLUSTER, value: demo}]}}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """.formatted(plugin);
        assertThat(Kubeconfig.parse(yaml, dir).token()).contains("from-plugin-demo");
    }

    @Test
    void privateKeysInEveryFormKubeconfigsUse() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        PrivateKey key = rsa.generateKeyPair().getPrivate();
        String pkcs8 = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        assertThat(Pem.privateKey(pkcs8)).isEqualTo(key);
        // PKCS#1 (kubeadm) and SEC1 (k3s) as OpenSSL writes them
        TestPrerequisites.require(hasOpenssl(), "openssl, to write PKCS#1 and SEC1 keys");
        Path rsaKey = dir.resolve("rsa.pem");
        Path ecKey = dir.resolve("ec.pem");
        exec("openssl", "genrsa", "-traditional", "-out", rsaKey.toString(), "2048");
        exec("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-out", ecKey.toString());
        assertThat(Files.readString(rsaKey)).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(ecKey)).contains("BEGIN EC PRIVATE KEY");
        assertThat(Pem.privateKey(Files.readString(rsaKey)).getAlgorithm()).isEqualTo("RSA");
        assertThat(Pem.privateKey(Files.readString(ecKey)).getAlgorithm()).isEqualTo("EC");
    }

    static boolean hasOpenssl() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static void exec(String... argv) throws Exception {
        Process p = new ProcessBuilder(List.of(argv)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
