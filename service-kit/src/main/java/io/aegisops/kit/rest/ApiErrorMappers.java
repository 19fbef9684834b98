package io.aegisops.kit.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into an {@link ApiError}. Defined once for all services so no resource needs its own
 * catch-all, and so that malformed JSON, unknown enum values and constraint violations all name the field.
 */
public class ApiErrorMappers {

    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        return respond(Response.Status.BAD_REQUEST, describe(e), List.of());
    }

    /** Declared separately: Quarkus REST ships its own mapper for this subtype, which answers without a message. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return invalidJson(e);
    }

    /** Declared separately for the same reason as {@link #mismatchedJson}: unknown enum values land here. */
    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ApiError.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new ApiError.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiError.Violation::field))
                .toList();
        String message = violations.stream().map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
        return respond(Response.Status.BAD_REQUEST, message, violations);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return respond(Response.Status.BAD_REQUEST, e.getMessage(), e.violations());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String message = e.getMessage() == null ? status.getReasonPhrase() : e.getMessage();
        if (e.getCause() instanceof JsonProcessingException json) {
            message = describe(json);
        }
        return Response.status(status.getStatusCode()).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(status.getStatusCode(), status.getReasonPhrase(), message)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, reference %s", reference);
        return respond(Response.Status.INTERNAL_SERVER_ERROR,
                "internal error, reference " + reference + " (see the service log)", List.of());
    }

    private static Response respond(Response.Status status, String message, List<ApiError.Violation> violations) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, violations))
                .build();
    }

    /** A message that names the JSON path and what was expected, without echoing a whole payload back. */
    static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            return "malformed JSON at line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ": " + parse.getOriginalMessage();
        }
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "field '" + path + "': '" + format.getValue() + "' is not one of "
                    + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "field '" + path + "': expected " + simpleName(mismatch.getTargetType());
        }
        return path.isEmpty() ? "invalid JSON: " + e.getOriginalMessage()
                : "field '" + path + "': " + e.getOriginalMessage();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleName(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }

    /**
     * "accept.arg0.summary" or "accept.alert.summary" → "summary": callers know the body, they want the field. The
     * method's node is always dropped, the parameter's only when the violation is inside it (a query parameter or a
     * missing body keeps its own name). Decided by the nodes' kinds, since with {@code -parameters} the parameter is
     * named after the Java variable rather than {@code argN}.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        int drop = 0;
        if (!nodes.isEmpty() && nodes.get(0).getKind() == ElementKind.METHOD) {
            drop = 1;
            if (nodes.size() > 2 && nodes.get(1).getKind() == ElementKind.PARAMETER) {
                drop = 2;
            }
        }
        String[] parts = path.split("\\.");
        return drop > 0 && parts.length > drop ? String.join(".", Arrays.copyOfRange(parts, drop, parts.length)) : path;
    }
}
