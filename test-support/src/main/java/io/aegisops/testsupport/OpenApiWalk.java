package io.aegisops.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations a service's own OpenAPI document declares, so a security test walks every endpoint the code has
 * rather than a list someone keeps: a new endpoint is in the walk the day it is written.
 */
public final class OpenApiWalk {

    /** Methods that change something. */
    public static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** A syntactically valid id for path parameters: the walk is about who may call, not about which record. */
    public static final String SAMPLE_ID = "00000000-0000-4000-8000-000000000000";

    private OpenApiWalk() {
    }

    /**
     * One operation.
     *
     * @param method        upper-case HTTP method
     * @param template      the path as documented, e.g. {@code /api/approvals/{id}/decision}
     * @param path          the path with every parameter filled with {@link #SAMPLE_ID}
     * @param requiredRoles the roles the document says the operation needs (its security requirement's scopes), empty
     *                      when it names none
     */
    public record Operation(String method, String template, String path, Set<String> requiredRoles) {

        public boolean mutating() {
            return MUTATING.contains(method);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Every operation of the document, sorted by path then method. */
    public static List<Operation> operations(JsonNode openApi) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = entry.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                String name = method.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE").contains(name)) {
                    continue;
                }
                operations.add(new Operation(name, entry.getKey(), entry.getKey().replaceAll("\\{[^}]+}", SAMPLE_ID),
                        rolesOf(method.getValue())));
            }
        }
        operations.sort((a, b) -> a.template().equals(b.template()) ? a.method().compareTo(b.method())
                : a.template().compareTo(b.template()));
        return operations;
    }

    /** The mutating operations of the document. */
    public static List<Operation> mutating(JsonNode openApi) {
        return operations(openApi).stream().filter(Operation::mutating).toList();
    }

    private static Set<String> rolesOf(JsonNode operation) {
        Set<String> roles = new TreeSet<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
        }
        return roles;
    }
}
