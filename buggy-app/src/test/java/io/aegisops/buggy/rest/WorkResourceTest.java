package io.aegisops.buggy.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class WorkResourceTest {

    @BeforeEach
    void resetFaults() {
        post("/faults/reset").then().statusCode(200);
    }

    @Test
    void shouldDoRealWorkAndSayWhatItDid() {
        String first = get("/work").then().statusCode(200)
                .body("digest", matchesPattern("[0-9a-f]{64}"))
                .body("rounds", equalTo(64))
                .body("sequence", greaterThan(0))
                .extract().path("digest");

        get("/work").then().statusCode(200).body("digest", not(equalTo(first)));
    }
}
