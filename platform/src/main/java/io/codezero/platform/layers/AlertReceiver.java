package io.codezero.platform.layers;

import com.pulumi.core.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where Alertmanager sends alerts. Credentials and URLs with tokens are held as Pulumi secrets. */
public sealed interface AlertReceiver {
    String name();

    /** This receiver's entry in alertmanager.yaml; secret values are resolved inside the returned output. */
    Output<Map<String, Object>> toConfig();

    record Webhook(String name, Output<String> url) implements AlertReceiver {
        @Override
        public Output<Map<String, Object>> toConfig() {
            return url.applyValue(u -> Map.of("name", name, "webhook_configs", List.of(Map.of("url", u, "send_resolved", true))));
        }
    }

    record Slack(String name, Output<String> webhookUrl, String channel) implements AlertReceiver {
        @Override
        public Output<Map<String, Object>> toConfig() {
            return webhookUrl.applyValue(u -> Map.of("name", name, "slack_configs",
                    List.of(Map.of("api_url", u, "channel", channel, "send_resolved", true))));
        }
    }

    record Email(String name, String to, String from, String smarthost, String username, Output<String> password) implements AlertReceiver {
        @Override
        public Output<Map<String, Object>> toConfig() {
            return password.applyValue(p -> {
                Map<String, Object> email = new LinkedHashMap<>();
                email.put("to", to);
                email.put("from", from);
                email.put("smarthost", smarthost);
                email.put("require_tls", true);
                email.put("send_resolved", true);
                if (username != null) {
                    email.put("auth_username", username);
                    email.put("auth_password", p);
                }
                return Map.of("name", name, "email_configs", List.of(email));
            });
        }
    }
}
