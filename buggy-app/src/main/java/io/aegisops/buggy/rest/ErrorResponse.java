package io.aegisops.buggy.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * The one JSON shape of every error answer, so a client (or a person with curl) always learns which parameter
 * was wrong and why.
 *
 * @param parameter the offending parameter, when one is to blame
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(int status, String error, String message, String parameter, String path,
                            OffsetDateTime timestamp) {
}
