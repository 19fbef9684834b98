package io.aegisops.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.testsupport.OpenApiWalk.Operation;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security walk every service's {@code *SecurityTest} makes over its own OpenAPI document (the service under test,
 * as REST Assured is pointed at it): the documented role table, 401 for every operation without credentials and 403
 * for every operation to a caller whose role is too low. One implementation, so every service is held to the same
 * answers (JSON {@code ApiError}, {@code WWW-Authenticate: Bearer}, a 403 that names the role).
 */
public final class SecurityWalk {

    private SecurityWalk() {
    }

    /** The operations the service documents under {@code /api/}. */
    public static List<Operation> documented() {
        try {
            String document = given().auth().none().queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().asString();
            JsonNode openApi = EventCodec.mapper().readTree(document);
            return OpenApiWalk.operations(openApi).stream().filter(o -> o.template().startsWith("/api/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }

    /** The documented operations that {@code which} keeps. */
    public static List<Operation> documented(Predicate<Operation> which) {
        return documented().stream().filter(which).toList();
    }

    /** "METHOD /template" → the roles its security requirement names, sorted: what a role-table assertion compares. */
    public static Map<String, Set<String>> roleTable(List<Operation> operations) {
        return operations.stream().collect(Collectors.toMap(Operation::toString, Operation::requiredRoles,
                (a, b) -> a, TreeMap::new));
    }

    /** Calls an operation; a mutating one carries a JSON body, so what answers is the role check, not a missing body. */
    public static Response call(RequestSpecification request, Operation operation) {
        RequestSpecification spec = request.redirects().follow(false);
        if (operation.mutating()) {
            spec = spec.contentType(ContentType.JSON).body("{}");
        }
        return spec.request(operation.method(), operation.path());
    }

    /** Every operation, called without credentials, is a JSON 401 with a Bearer challenge. */
    public static void assertEveryUnauthenticated(List<Operation> operations) {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            Response response = call(given().auth().none(), operation);
            if (response.statusCode() != 401 || !String.valueOf(response.contentType()).startsWith("application/json")
                    || !String.valueOf(response.header("WWW-Authenticate")).startsWith("Bearer ")
                    || response.jsonPath().getInt("status") != 401) {
                wrong.add(operation + " → " + response.statusCode() + " " + response.header("WWW-Authenticate"));
            }
        }
        assertThat(wrong).as("anonymous calls not answered 401 JSON with a Bearer challenge (of %d)",
                operations.size()).isEmpty();
    }

    /**
     * Every operation, called as {@code as.apply(operation)}, is a JSON 403 whose message names a role the operation
     * needs.
     */
    public static void assertEveryForbidden(List<Operation> operations, Function<Operation, RequestSpecification> as) {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            Response response = call(as.apply(operation), operation);
            String message = response.statusCode() == 403 ? response.jsonPath().getString("message") : null;
            boolean namesARole = message != null && message.contains("may not do this")
                    && (operation.requiredRoles().isEmpty()
                    || operation.requiredRoles().stream().anyMatch(message::contains));
            if (!namesARole) {
                wrong.add(operation + " → " + response.statusCode() + " " + message);
            }
        }
        assertThat(wrong).as("calls not answered 403 naming the role (of %d)", operations.size()).isEmpty();
    }

    /** Every operation, called as {@code as}, is answered without 401 or 403 (what a permitted caller sees). */
    public static void assertEveryPermitted(List<Operation> operations, Function<Operation, RequestSpecification> as) {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            int status = call(as.apply(operation), operation).statusCode();
            if (status == 401 || status == 403) {
                wrong.add(operation + " → " + status);
            }
        }
        assertThat(wrong).as("calls refused to a permitted caller (of %d)", operations.size()).isEmpty();
    }
}
