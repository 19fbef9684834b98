package io.aegisops.buggy.health;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.aegisops.buggy.support.Eventually.within;
import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HealthTest {

    @Test
    void shouldBeAliveWhileTheJvmRuns() {
        get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("alive"));
    }

    @Test
    void shouldBeReadyWithoutFaultsAndShowTheMeasurements() {
        post("/faults/reset").then().statusCode(200);

        within(Duration.ofSeconds(30), () -> get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'self-watch' }.data.heapUsedPercent", notNullValue())
                .body("checks.find { it.name == 'self-watch' }.data.workP95Ms", notNullValue()));
    }
}
