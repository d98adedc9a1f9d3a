package io.codezero.console;

/**
 * A link between two apps ({@code links: [{app: db}]}): the consumer may call the provider's offer.
 *
 * @param from the consuming app
 * @param to the providing app
 * @param offer what it uses (postgres, redis, ...), or empty when not known
 */
public record Link(String from, String to, String offer) {
    /** @return "from → to" as the pages write it */
    public String label() {
        return from + " → " + to + (offer.isEmpty() ? "" : " (" + offer + ")");
    }
}
