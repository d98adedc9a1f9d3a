package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A first server created before CodeZero chose join tokens up front has no token input, only the
 * clusterToken output k3s drew. Handed that very token by the JoinToken now, or a token not known yet
 * in a preview, it does not change; handed another token, it does.
 */
class JoinTokenDiffTest {
    static Map<String, Object> madeBeforeJoinTokens() {
        Map<String, Object> olds = new LinkedHashMap<>();
        olds.put("connection", Map.of("host", "10.0.0.10"));
        olds.put("k3sVersion", "v1.34.1+k3s1");
        olds.put("clusterInit", true);
        olds.put("clusterToken", new PropertyValues.SecretValue("K10abc::server:def"));
        olds.put("installedVersion", "v1.34.1+k3s1");
        olds.put("running", true);
        return olds;
    }

    static Map<String, Object> news(Object token) {
        Map<String, Object> news = new LinkedHashMap<>(NodeInputs.withoutComputed(madeBeforeJoinTokens()));
        news.put("token", token);
        return news;
    }

    @Test
    void theFirstServerHandedItsOwnTokenDoesNotChange() {
        assertThat(NodeDiff.compute(madeBeforeJoinTokens(), news(new PropertyValues.SecretValue("K10abc::server:def")))).isEmpty();
    }

    @Test
    void aTokenNotKnownYetInAPreviewIsNoChangeForANodeThatHasOne() {
        assertThat(NodeDiff.compute(madeBeforeJoinTokens(), news(PropertyValues.UNKNOWN))).isEmpty();
    }

    @Test
    void anotherTokenIsAChange() {
        assertThat(NodeDiff.compute(madeBeforeJoinTokens(), news(new PropertyValues.SecretValue("K10other::server:xyz"))))
                .extracting(NodeDiff.Change::path).containsExactly("token");
    }
}
