package io.codezero.aws.auth;

import java.time.Instant;

/**
 * A bearer token for the EKS API server and when to stop using it. {@link #toString()} never
 * shows the token: it is a credential.
 */
public record EksToken(String token, Instant expiration) {
    @Override
    public String toString() {
        return "EksToken[expires " + expiration + "]";
    }
}
