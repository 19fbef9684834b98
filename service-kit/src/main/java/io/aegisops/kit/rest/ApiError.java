package io.aegisops.kit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The one JSON error shape of every AegisOps API, so clients (and Alertmanager's logs) always see what was
 * wrong with their request.
 *
 * @param status     HTTP status
 * @param error      HTTP reason phrase
 * @param message    what was wrong, in words that name the offending field or parameter
 * @param violations one entry per invalid field, when validation found several
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<Violation> violations) {

    /** One invalid field. */
    public record Violation(String field, String message) {
    }

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, List.of());
    }
}
