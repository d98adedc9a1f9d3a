package io.codezero.console;

/**
 * A route of the stack (a VirtualService labelled {@code codezero.io/route}) as the console shows it.
 *
 * @param name the route's name (the label's value)
 * @param url the URL it serves
 * @param namespace the namespace of the Service it sends to
 * @param service the Service it sends to
 * @param visibility public, or private (with sign-in or closed to the internet)
 * @param signIn whether the gateway's browser sign-in guards it
 */
public record Route(String name, String url, String namespace, String service, String visibility, boolean signIn) {
}
