package io.aegisops.dashboard.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Another service refused a call, failed, or could not be reached. Carries what the user must see: which
 * service, its status (0 when there was no answer) and its own message, so nothing is swallowed on the way to
 * the page.
 */
public class DownstreamException extends RuntimeException {

    private final transient Downstream service;
    private final int downstreamStatus;
    private final transient JsonNode body;

    public DownstreamException(Downstream service, int downstreamStatus, String message, JsonNode body) {
        super(message);
        this.service = service;
        this.downstreamStatus = downstreamStatus;
        this.body = body;
    }

    public Downstream service() {
        return service;
    }

    /** The other service's HTTP status, or 0 when it did not answer (refused, unknown host, timeout). */
    public int downstreamStatus() {
        return downstreamStatus;
    }

    /** The other service's JSON error body when it sent one, else null. */
    public JsonNode body() {
        return body;
    }

    /** True when no answer came at all (as opposed to an error answer). */
    public boolean unreachable() {
        return downstreamStatus == 0;
    }
}
