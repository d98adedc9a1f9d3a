package io.codezero.azure.preflight;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;

/**
 * How a failed Resource Manager call reads in a check's result: the ARM error code and message when
 * the response carries one, else the HTTP status and the first line, so that each result stays one
 * sentence a user can act on.
 */
final class ArmFailure {
    private ArmFailure() {
    }

    /** The ARM error code and message, or the HTTP status and first line, of a failed call. */
    static String reason(RuntimeException e) {
        if (e instanceof ManagementException m && m.getValue() != null) {
            return m.getValue().getCode() + ": " + m.getValue().getMessage();
        }
        if (e instanceof HttpResponseException h && h.getResponse() != null) {
            return "HTTP " + h.getResponse().getStatusCode() + ": " + firstLine(e);
        }
        return firstLine(e);
    }

    /** The first line of a message (SDK exceptions often append the whole response). */
    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** True when Resource Manager refused the credentials themselves (401, 403), not just one request. */
    static boolean refused(HttpResponseException e) {
        return e instanceof ClientAuthenticationException
                || e.getResponse() != null && (e.getResponse().getStatusCode() == 401 || e.getResponse().getStatusCode() == 403);
    }
}
