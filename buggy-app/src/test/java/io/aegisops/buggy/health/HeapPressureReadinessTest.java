package io.aegisops.buggy.health;

import io.aegisops.buggy.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.aegisops.buggy.support.Eventually.within;
import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The profile's heap threshold is 0.01 %, so the heap is "over" it without filling the test JVM. */
@QuarkusTest
@TestProfile(Profiles.MonitorAccepts.class)
class HeapPressureReadinessTest {

    @Test
    void shouldGoDownSayingWhyWhenHeapPassesTheThreshold() {
        within(Duration.ofSeconds(30), () -> get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'self-watch' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'self-watch' }.data.MEMORY_PRESSURE",
                        containsString("threshold 0.01%")));
    }

    @Test
    void shouldStayAliveWhileNotReady() {
        get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
