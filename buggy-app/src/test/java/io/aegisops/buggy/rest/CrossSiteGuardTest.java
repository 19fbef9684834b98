package io.aegisops.buggy.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.post;
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
