package io.codezero.platform.layers;

import com.pulumi.core.Output;
import io.codezero.platform.Input;
import io.codezero.core.validation.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where Alertmanager sends alerts. URLs (which carry tokens) and passwords reach the cluster only as
 * Pulumi secrets, inside the Alertmanager config Secret, never in Helm values.
 */
public sealed interface AlertReceiver {
    /** The receiver's name, unique among the layer's receivers. */
    String name();

    /**
     * This receiver's entry in alertmanager.yaml, as a secret. A URL from another resource is checked here, when it
     * resolves, with the check {@link #validate} applies to a plain one.
     *
     * @param at the receiver's path, e.g. {@code platform.metrics.receivers[0]}
     * @return the entry
     */
    Output<Map<String, Object>> toConfig(String at);

    /**
     * What Alertmanager would refuse or what would leak, found before anything is registered.
     *
     * @param at the receiver's path
     * @return the problems
     */
    List<Problem> validate(String at);

    /** A webhook receiver posting to a plain URL. */
    static Webhook webhook(String name, String url) {
        return new Webhook(name, Input.of(url));
    }

    /** A webhook receiver posting to a URL another resource gives (a secret, a stack reference); checked when it resolves. */
    static Webhook webhook(String name, Output<String> url) {
        return new Webhook(name, Input.of(url));
    }

    /** A Slack receiver with a plain incoming-webhook URL. */
    static Slack slack(String name, String webhookUrl, String channel) {
        return new Slack(name, Input.of(webhookUrl), channel);
    }

    /** A Slack receiver whose incoming-webhook URL another resource gives; checked when it resolves. */
    static Slack slack(String name, Output<String> webhookUrl, String channel) {
        return new Slack(name, Input.of(webhookUrl), channel);
    }

    /**
     * Posts alerts to a URL (http only for in-cluster services).
     *
     * @param name the receiver's name
     * @param url  where alerts are posted
     */
    record Webhook(String name, Input<String> url) implements AlertReceiver {
        @Override
        public Output<Map<String, Object>> toConfig(String at) {
            return url.checked(u -> urlProblems(at, u)).applyValue(u ->
                    Map.<String, Object>of("name", name, "webhook_configs", List.of(Map.of("url", u, "send_resolved", true)))).asSecret();
        }

        @Override
        public List<Problem> validate(String at) {
            return url.problems(u -> urlProblems(at, u));
        }

        private static List<Problem> urlProblems(String at, String url) {
            return whyNotHttpsUrl(url, true).map(why -> List.of(Problem.of(at + ".url", redact(url), why))).orElse(List.of());
        }
    }

    /**
     * Posts alerts to a Slack channel through an incoming webhook.
     *
     * @param name       the receiver's name
     * @param webhookUrl the incoming webhook's URL (https)
     * @param channel    the channel, e.g. #alerts
     */
    record Slack(String name, Input<String> webhookUrl, String channel) implements AlertReceiver {
        @Override
        public Output<Map<String, Object>> toConfig(String at) {
            return webhookUrl.checked(u -> urlProblems(at, u)).applyValue(u -> Map.<String, Object>of("name", name, "slack_configs",
                    List.of(Map.of("api_url", u, "channel", channel, "send_resolved", true)))).asSecret();
        }

        @Override
        public List<Problem> validate(String at) {
            List<Problem> problems = new ArrayList<>(webhookUrl.problems(u -> urlProblems(at, u)));
            if (channel == null || !channel.matches("[#@]?[a-z0-9][a-z0-9._-]{0,79}")) {
                problems.add(Problem.of(at + ".channel", channel, "must be a Slack channel such as #alerts (lowercase letters, digits, '-', '_', '.')"));
            }
            return problems;
        }

        private static List<Problem> urlProblems(String at, String url) {
            return whyNotHttpsUrl(url, false).map(why -> List.of(Problem.of(at + ".url", redact(url), why))).orElse(List.of());
        }
    }

    /**
     * Sends alerts by e-mail over SMTP with TLS.
     *
     * @param name      the receiver's name
     * @param to        one or more addresses, comma separated
     * @param from      the sender address
     * @param smarthost host:port of the SMTP server
     * @param username  the SMTP user; null: no authentication
     * @param password  the SMTP password (set it as a secret)
     */
    record Email(String name, String to, String from, String smarthost, String username, String password) implements AlertReceiver {
        @Override
        public Output<Map<String, Object>> toConfig(String at) {
            Map<String, Object> email = new LinkedHashMap<>();
            email.put("to", to);
            email.put("from", from);
            email.put("smarthost", smarthost);
            email.put("require_tls", true);
            email.put("send_resolved", true);
            if (username != null) {
                email.put("auth_username", username);
                email.put("auth_password", password);
            }
            return Output.ofSecret(Map.of("name", name, "email_configs", List.of(email)));
        }

        @Override
        public List<Problem> validate(String at) {
            List<Problem> problems = new ArrayList<>();
            for (String address : to == null ? List.of("") : List.of(to.split(",", -1))) {
                if (!isEmailAddress(address.trim())) {
                    problems.add(Problem.of(at + ".to", to, "must be one or more e-mail addresses separated by commas"));
                    break;
                }
            }
            if (!isEmailAddress(from)) {
                problems.add(Problem.of(at + ".from", from, "must be an e-mail address"));
            }
            if (smarthost == null || !smarthost.matches("[A-Za-z0-9.-]+:\\d{1,5}")) {
                problems.add(Problem.of(at + ".smarthost", smarthost, "must be host:port of the SMTP server, e.g. smtp.example.com:587"));
            } else {
                int port = Integer.parseInt(smarthost.substring(smarthost.lastIndexOf(':') + 1));
                if (port < 1 || port > 65535) {
                    problems.add(Problem.of(at + ".smarthost", smarthost, "has port " + port + "; a port is 1-65535 (SMTP submission is usually 587)"));
                }
            }
            if (username != null && (password == null || password.isEmpty())) {
                problems.add(Problem.of(at + ".password", null, "is required with a username; set it as a secret "
                        + "(pulumi config set --secret --path ...password)"));
            }
            return problems;
        }
    }

    private static boolean isEmailAddress(String text) {
        return text != null && text.matches("[^@\\s,]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    }

    /**
     * Alerts leave the cluster only over https; plain http is accepted for in-cluster services (the mesh encrypts
     * those), where {@code inClusterHttp} allows it.
     */
    private static java.util.Optional<String> whyNotHttpsUrl(String text, boolean inClusterHttp) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.of("is required: the URL alerts are posted to");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return java.util.Optional.of("is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return java.util.Optional.of("must be an absolute https:// URL with a host");
        }
        java.util.Optional<String> host = io.codezero.core.validation.Urls.whyNotHost(uri, "the URL alerts are posted to");
        if (host.isPresent()) {
            return host;
        }
        boolean inCluster = uri.getHost().endsWith(".svc") || uri.getHost().endsWith(".svc.cluster.local");
        if (scheme.equals("http") && !(inClusterHttp && inCluster)) {
            return java.util.Optional.of("must use https: alerts and the token in the URL would cross the network in clear text"
                    + (inClusterHttp ? " (http is accepted only for in-cluster services, <service>.<namespace>.svc)" : ""));
        }
        return java.util.Optional.empty();
    }

    /** Only scheme and host: the rest of a webhook URL is usually its token. */
    private static String redact(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getHost() != null ? uri.getScheme() + "://" + uri.getHost() + "/..." : "<not a URL>";
        } catch (URISyntaxException | NullPointerException e) {
            return "<not a URL>";
        }
    }
}
