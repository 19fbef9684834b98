package io.aegisops.buggy.client;

import io.aegisops.buggy.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.aegisops.buggy.support.Eventually.within;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** A monitor that is not there at all (connection refused). */
@QuarkusTest
@TestProfile(Profiles.MonitorDown.class)
class MonitorDownTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldKeepSamplingAnsweringAndLivingWhenTheMonitorIsDown() {
        within(WAIT, () -> get("/watch").then()
                .body("sendFailures", greaterThanOrEqualTo(1))
                .body("lastAlerts.MEMORY_PRESSURE.delivery", equalTo("FAILED"))
                .body("lastAlerts.MEMORY_PRESSURE.error", containsString("onnect")));
        int samples = get("/watch").then().extract().path("samples");

        get("/work").then().statusCode(200);
        get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        within(WAIT, () -> assertThat(get("/watch").then().extract().<Integer>path("samples"))
                .isGreaterThan(samples + 5));
    }
}
