package io.aegisops.buggy.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.aegisops.buggy.support.Eventually.within;
import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class WatchResourceTest {

    @Test
    void shouldShowTheLastSampleAndThatAlertsAreOnlyLogged() {
        within(Duration.ofSeconds(30), () -> get("/watch").then().statusCode(200)
                .body("samples", greaterThan(1))
                .body("lastSample.at", notNullValue())
                .body("lastSample.heapMaxMb", greaterThan(0f))
                .body("lastSample.heapUsedPercent", greaterThan(0f))
                .body("lastSample.cpuPercent", greaterThanOrEqualTo(0f))
                .body("lastSample.processors", equalTo(Runtime.getRuntime().availableProcessors()))
                .body("lastSample.workSamples", greaterThan(0))
                .body("service", equalTo("buggy-app"))
                .body("container", notNullValue())
                .body("monitorConfigured", equalTo(false))
                .body("sendFailures", equalTo(0)));
    }

    @Test
    void shouldPublishFaultsAndMeasurementsAsMetrics() {
        post("/faults/reset").then().statusCode(200);
        post("/faults/memory?mb=8").then().statusCode(200);
        try {
            get("/q/metrics").then().statusCode(200)
                    .body(containsString("buggy_faults_memory_retained_mb 8.0"))
                    .body(containsString("buggy_faults_cpu_threads 0.0"))
                    .body(containsString("buggy_faults_latency_ms 0.0"))
                    .body(containsString("buggy_watch_heap_used_percent"))
                    .body(containsString("buggy_watch_work_p95_ms"))
                    .body(containsString("buggy_alerts_sent_total{type=\"LATENCY\"}"))
                    .body(containsString("buggy_alerts_failed_total{type=\"MEMORY_PRESSURE\"}"));
        } finally {
            post("/faults/reset").then().statusCode(200);
        }
    }

    @Test
    void shouldPublishTheOpenApiDocument() {
        get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/faults/memory'.post", notNullValue())
                .body("paths.'/work'.get", notNullValue())
                .body("paths.'/watch'.get", notNullValue());
    }
}
