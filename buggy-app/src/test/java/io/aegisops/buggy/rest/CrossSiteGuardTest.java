package io.aegisops.buggy.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A web page of another site cannot trigger a fault (its browser says where it came from), while curl and this
 * origin's own pages can; and no origin is granted CORS, so no other page reads an answer either.
 */
@QuarkusTest
class CrossSiteGuardTest {

    @AfterEach
    void reset() {
        post("/faults/reset").then().statusCode(200);
    }

    @ParameterizedTest(name = "Sec-Fetch-Site={0}, Origin={1}, Host={2} -> refused={3}")
    @CsvSource(nullValues = "-", value = {
            "-, -, localhost:8000, false",
            "none, -, localhost:8000, false",
            "same-origin, http://localhost:8000, localhost:8000, false",
            "-, http://localhost:8000, localhost:8000, false",
            "-, http://LOCALHOST:8000, localhost:8000, false",
            "cross-site, -, localhost:8000, true",
            "same-site, http://localhost:8080, localhost:8000, true",
            "-, http://evil.example, localhost:8000, true",
            "-, http://localhost:8080, localhost:8000, true",
            "-, null, localhost:8000, true",
            "-, not an origin, localhost:8000, true",
            "-, http://localhost:8000, -, true"})
    void shouldRefuseWhatABrowserSentFromAnotherSite(String fetchSite, String origin, String host, boolean refused) {
        assertThat(CrossSiteGuard.reason(fetchSite, origin, host).isPresent()).isEqualTo(refused);
    }

    @Test
    void shouldRefuseAFaultPostedFromAnotherOriginAndInjectNothing() {
        given().header("Origin", "http://evil.example").post("/faults/memory?mb=8")
                .then().statusCode(403)
                .body("status", equalTo(403))
                .body("message", containsString("Origin: http://evil.example"))
                .body("path", equalTo("/faults/memory"));
        given().header("Sec-Fetch-Site", "cross-site").post("/faults/crash")
                .then().statusCode(403).body("message", containsString("Sec-Fetch-Site: cross-site"));

        get("/faults").then().statusCode(200).body("memory.retainedMb", equalTo(0));
    }

    @Test
    void shouldLetCurlAndThisOriginsOwnPagesTriggerAFault() {
        post("/faults/memory?mb=8").then().statusCode(200).body("retainedMb", equalTo(8));
        String self = "http://localhost:" + io.restassured.RestAssured.port;
        given().header("Origin", self).header("Sec-Fetch-Site", "same-origin").post("/faults/memory?mb=8")
                .then().statusCode(200).body("retainedMb", equalTo(16));
    }

    @Test
    void shouldGrantNoOtherOriginCors() {
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/faults/memory")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://evil.example").get("/faults")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
