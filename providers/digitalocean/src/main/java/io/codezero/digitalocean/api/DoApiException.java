package io.codezero.digitalocean.api;

/** A DigitalOcean API answer that is not a success, or no answer at all (status 0). */
public final class DoApiException extends RuntimeException {
    private final int status;
    private final String id;

    public DoApiException(int status, String id, String message) {
        super(message);
        this.status = status;
        this.id = id;
    }

    /** The HTTP status, or 0 when the API could not be reached. */
    public int status() {
        return status;
    }

    /** DigitalOcean's error id (e.g. "unauthorized"), or null. */
    public String id() {
        return id;
    }
}
