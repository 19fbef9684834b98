package io.aegisops.dashboard.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of an error that another service caused: service-kit's {@code ApiError} fields plus which service,
 * what it answered and its own body (e.g. approval-service's 409 names the decision that won), so the page can
 * show the user the real reason.
 *
 * @param status           this answer's status: the other service's 4xx, or 502 when it failed or did not answer
 * @param service          the other service, as named in Compose
 * @param downstreamStatus its HTTP status, null when it did not answer
 * @param downstream       its JSON error body, when it sent one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DownstreamError(int status, String error, String message, String service, Integer downstreamStatus,
                              JsonNode downstream) {
}
