package io.aegisops.approval.support;

import io.aegisops.approval.identity.IdentityStore;
import io.aegisops.kit.auth.Roles;
import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * Real principals with real API tokens in the service's own identity store, so the tests authenticate exactly as
 * a client does (bearer token → {@code GET}-free local verification) instead of faking an identity.
 */
public final class TestCallers {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private TestCallers() {
    }

    /** A token of principal {@code name}, created with {@code role} when it does not exist yet. */
    public static String token(String name, String role) {
        IdentityStore store = Arc.container().instance(IdentityStore.class).get();
        String known = TOKENS.get(name);
        if (known != null && store.verify(known).isPresent()) {
            return known;
        }
        if (store.users().stream().noneMatch(u -> u.name().equals(name))) {
            store.addUser(name, role, null, "test");
        }
        String token = store.issueToken(name, "test", null).orElseThrow().token();
        TOKENS.put(name, token);
        return token;
    }

    /** A request made by {@code name} holding {@code role}. */
    public static RequestSpecification as(String name, String role) {
        return given().auth().oauth2(token(name, role));
    }

    /** Unless a request says otherwise, it is made by a viewer (reads need one). */
    public static void viewByDefault() {
        RestAssured.authentication = RestAssured.oauth2(token("test-viewer", Roles.VIEWER));
    }
}
