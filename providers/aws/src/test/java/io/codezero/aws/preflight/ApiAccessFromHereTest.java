package io.codezero.aws.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The machine running pulumi up must be inside the public endpoint's allowlist. */
class ApiAccessFromHereTest {

    private static ClusterSpec spec(NetworkSpec network) {
        return ClusterSpec.builder("demo").network(network).build();
    }

    /** An echo that answers as checkip.amazonaws.com does: the caller's address and a newline. */
    private static CheckResult askedOfAnEcho(String answer, ClusterSpec spec) throws Exception {
        return askedOfAnEcho(answer, spec, false);
    }

    private static CheckResult askedOfAnEcho(String answer, ClusterSpec spec, boolean vpcExists) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = (answer + "\n").getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            return ApiAccessFromHere.run(spec, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), vpcExists).orElseThrow();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMachineOutsideTheAllowlistFailsBeforeTheClusterIsCreatedWithTheRangeToAdd() throws Exception {
        CheckResult outside = askedOfAnEcho("198.51.100.7", spec(NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build()));
        assertThat(outside.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(outside.message()).startsWith("this machine reaches AWS from 198.51.100.7, which network.apiAccessAllowlist (203.0.113.0/24) does not include")
                .contains("add 198.51.100.7/32 to network.apiAccessAllowlist");
        CheckResult inside = askedOfAnEcho("203.0.113.99", spec(NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build()));
        assertThat(inside.status()).as(inside.message()).isEqualTo(CheckStatus.PASS);
        // once the VPC exists, a machine inside it reaches the private endpoint whatever the allowlist says: not a failure
        CheckResult maybeInVpc = askedOfAnEcho("198.51.100.7", spec(NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build()), true);
        assertThat(maybeInVpc.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(maybeInVpc.message()).contains("unless this machine runs inside the cluster's VPC");
    }

    @Test
    void aPrivateOnlyApiIsNotAskedAndAnUnreadableAddressIsUnknown() {
        assertThat(ApiAccessFromHere.run(spec(NetworkSpec.builder().privateApiOnly(true).build()), URI.create("http://127.0.0.1:9/"), false)).isEmpty();
        assertThat(ApiAccessFromHere.verdict("2001:db8::1", List.of("203.0.113.0/24")).status()).isEqualTo(CheckStatus.UNKNOWN);
        // nothing listens on the discard port of loopback: the check cannot be made, it is not passed
        assertThat(ApiAccessFromHere.run(spec(NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build()), URI.create("http://127.0.0.1:9/"), false)
                .orElseThrow().status()).isEqualTo(CheckStatus.UNKNOWN);
    }
}
