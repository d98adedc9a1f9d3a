package io.codezero.digitalocean.auth;

import java.time.Instant;

/** A DOKS cluster bearer token and when it stops working. */
public record ClusterCredentials(String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "ClusterCredentials[expires " + expiresAt + "]";
    }
}
