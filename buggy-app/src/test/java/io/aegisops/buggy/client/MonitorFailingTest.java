package io.aegisops.buggy.client;

import io.aegisops.buggy.support.LogCaptureResource;
import io.aegisops.buggy.support.MonitorStandIn;
import io.aegisops.buggy.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.aegisops.buggy.support.Eventually.within;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * A monitor that answers 500 to everything must cost the app nothing but a counter. No intake token is set either:
 * the app says once at start-up what to set, and sends no Authorization header.
 */
@QuarkusTest
@TestProfile(Profiles.MonitorFails.class)
class MonitorFailingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    MonitorStandIn monitor;

    LogCaptureResource.Lines log;

    @Test
    void shouldTryABoundedNumberOfTimesAndCountTheFailure() {
        within(WAIT, () -> get("/watch").then()
                .body("sendFailures", greaterThanOrEqualTo(1))
                .body("lastAlerts.MEMORY_PRESSURE.delivery", equalTo("FAILED"))
                .body("lastAlerts.MEMORY_PRESSURE.attempts", equalTo(3)));
        int samples = get("/watch").then().extract().path("samples");

        within(WAIT, () -> assertThat(get("/watch").then().extract().<Integer>path("samples"))
                .isGreaterThanOrEqualTo(samples + 10));

        // Three tries of one alert, and nothing more within the cooldown.
        assertThat(monitor.received()).hasSize(3);
    }

    @Test
    void shouldWarnOnceAtStartUpThatNoIntakeTokenIsSetAndSendNone() {
        within(WAIT, () -> assertThat(monitor.received()).isNotEmpty());

        assertThat(log.all()).filteredOn(line -> line.contains("No intake token configured")).singleElement()
                .satisfies(line -> assertThat(line).contains("AEGIS_INTAKE_TOKEN").contains("reporter role"));
        assertThat(monitor.received()).allSatisfy(request -> assertThat(request.authorization()).isNull());
    }

    @Test
    void shouldStayAliveAndKeepWorking() {
        within(WAIT, () -> get("/watch").then().body("sendFailures", greaterThanOrEqualTo(1)));

        get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        get("/work").then().statusCode(200);
    }
}
