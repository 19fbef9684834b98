package io.aegisops.dashboard.rest;

import io.aegisops.dashboard.support.StandInServices;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.OidcStandIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Signing in to the war room through an OIDC provider (the stand-in plays Keycloak at the HTTP edge and checks the
 * flow as a provider must: PKCE S256, client secret, redirect URI, one-time code). The test is the browser: it follows
 * each redirect by hand and carries the cookies, so every hop and every cookie attribute is seen.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "dashboard"))
@QuarkusTestResource(StandInServices.class)
@QuarkusTestResource(value = OidcStandIn.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = OidcStandIn.FOR, value = "dashboard"))
class OidcSignInTest {

    private static final String SESSION = "aegis_session";
    private static final String FLOW = "aegis_oidc_flow";

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldSignInThroughTheProviderAndKeepOnlyTheAegisOpsSessionInAStrictCookie() {
        given().get("/api/auth/options").then().statusCode(200).body("password", equalTo(true))
                .body("oidc", equalTo(true)).body("provider", equalTo("127.0.0.1"));
        Response start = given().redirects().follow(false).get("/api/auth/oidc");
        start.then().statusCode(303);
        URI authorize = URI.create(start.header("Location"));
        Map<String, String> asked = query(authorize);
        assertThat(authorize.toString()).startsWith(OidcStandIn.issuer() + "/protocol/openid-connect/auth?");
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", OidcStandIn.CLIENT_ID)
                .containsEntry("redirect_uri", root + "api/auth/oidc/callback")
                .containsEntry("code_challenge_method", "S256").containsEntry("scope", "openid profile email")
                .containsKeys("state", "nonce", "code_challenge");
        String flowCookie = setCookie(start, FLOW);
        assertThat(flowCookie).contains("HttpOnly").contains("Path=/api/auth/oidc").containsIgnoringCase("SameSite=Lax")
                .contains("Max-Age=600");
        int exchanges = OidcStandIn.tokenRequests();
        int refusals = OidcStandIn.tokenRefusals();

        Response callback = callback(signInAtProvider(authorize, "&stand_in_user=alice&stand_in_roles=sre"),
                start.cookie(FLOW));

        callback.then().statusCode(303);
        assertThat(URI.create(callback.header("Location")).getPath()).isEqualTo("/");
        assertThat(URI.create(callback.header("Location")).getQuery()).isNull();
        assertThat(OidcStandIn.tokenRefusals() - refusals).as("code exchanges the provider refused, last: %s",
                OidcStandIn.lastRefusal()).isZero();
        assertThat(OidcStandIn.tokenRequests() - exchanges).as("codes traded").isEqualTo(1);
        String session = setCookie(callback, SESSION);
        assertThat(session).startsWith(SESSION + "=" + StandInServices.token("session", "approver", "alice") + ";")
                .contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(setCookie(callback, FLOW)).as("the finished flow is forgotten").contains("Max-Age=0");
        given().cookie(SESSION, callback.cookie(SESSION)).get("/api/auth/me").then().statusCode(200)
                .body("name", equalTo("alice")).body("role", equalTo("approver")).body("via", equalTo("session"));
    }

    @Test
    void shouldRefuseACallbackThatThisBrowserDidNotStart() {
        Response mine = given().redirects().follow(false).get("/api/auth/oidc");
        Response theirs = given().redirects().follow(false).get("/api/auth/oidc");
        URI theirCallback = signInAtProvider(URI.create(theirs.header("Location")), "&stand_in_user=mallory");
        int exchanges = OidcStandIn.tokenRequests();

        // A login CSRF: the attacker's code and state sent to a victim's browser, with or without a flow of its own.
        assertBackAtLoginSaying(callback(theirCallback, null), "this browser did not start the sign-in");
        assertBackAtLoginSaying(callback(theirCallback, mine.cookie(FLOW)), "belongs to another sign-in");
        assertThat(OidcStandIn.tokenRequests()).as("codes traded for refused callbacks").isEqualTo(exchanges);
    }

    @Test
    void shouldSayWhyWhenTheProviderDeclinesOrTheCodeIsUsedTwice() {
        Response declined = given().redirects().follow(false).get("/api/auth/oidc");
        assertBackAtLoginSaying(callback(signInAtProvider(URI.create(declined.header("Location")), "&stand_in_deny=1"),
                declined.cookie(FLOW)), "the provider did not sign you in: The user declined");

        Response start = given().redirects().follow(false).get("/api/auth/oidc");
        URI back = signInAtProvider(URI.create(start.header("Location")), "");
        callback(back, start.cookie(FLOW)).then().statusCode(303);
        assertBackAtLoginSaying(callback(back, start.cookie(FLOW)), "unknown or already used code");
    }

    /** The person signs in at the provider; it sends the browser back to the dashboard's callback. */
    private static URI signInAtProvider(URI authorize, String asWhom) {
        Response provider = given().redirects().follow(false).urlEncodingEnabled(false).get(authorize + asWhom);
        provider.then().statusCode(302);
        return URI.create(provider.header("Location"));
    }

    private static Response callback(URI back, String flowCookie) {
        var request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (flowCookie != null) {
            request.cookie(FLOW, flowCookie);
        }
        return request.get(back.getPath() + "?" + back.getRawQuery());
    }

    private static void assertBackAtLoginSaying(Response callback, String why) {
        callback.then().statusCode(303);
        URI location = URI.create(callback.header("Location"));
        assertThat(location.getPath()).isEqualTo("/");
        assertThat(query(location).get("signin-error")).contains(why);
        assertThat(callback.headers().getValues("Set-Cookie")).as("no session after a refused sign-in")
                .noneMatch(cookie -> cookie.startsWith(SESSION + "="));
    }

    private static String setCookie(Response response, String name) {
        List<String> cookies = response.headers().getValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
