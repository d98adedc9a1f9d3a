package io.codezero.platform.layers;

/** What the logs layer offers: Loki's address, a plain name. */
public record Logs(String lokiUrl) {
}
