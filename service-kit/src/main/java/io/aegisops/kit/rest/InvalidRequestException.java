package io.aegisops.kit.rest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by hand-written validators (payloads that bean validation cannot express, such as third-party
 * webhooks) so they produce the same 400 {@link ApiError} as annotated constraints.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<ApiError.Violation> violations;

    public InvalidRequestException(List<ApiError.Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<ApiError.Violation> violations() {
        return violations;
    }
}
