package io.codezero.pkg.shape;

/** {@code platform.metrics.receivers[i]}: the keys of every receiver type; each type reads its own. */
@Doc("An Alertmanager receiver: a webhook (url), Slack (url, channel) or email (to, from, smarthost, username, password).")
public final class AlertReceiverShape {
    @Doc("The receiver's name.")
    String name;

    @Doc("webhook, slack or email.")
    @Required
    String type;

    @Doc("webhook and slack: the https URL alerts are posted to (a credential: kept a secret).")
    @Secret
    String url;

    @Doc("slack: the channel, e.g. #alerts.")
    String channel;


    @Doc("email: the address alerts go to.")
    String to;

    @Doc("email: the sender address.")
    String from;

    @Doc("email: the SMTP server as host:port.")
    String smarthost;

    @Doc("email: the SMTP user name.")
    String username;

    @Doc("email: the SMTP password (a secret).")
    @Secret
    String password;

    private AlertReceiverShape() {
    }
}
