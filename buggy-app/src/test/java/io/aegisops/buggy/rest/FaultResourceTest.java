package io.aegisops.buggy.rest;

import io.aegisops.buggy.fault.CpuFault;
import io.aegisops.buggy.support.RecordingTerminator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.aegisops.buggy.support.Eventually.within;
import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class FaultResourceTest {

    private static final long MIB = 1024 * 1024;

    @Inject
    CpuFault cpu;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    @AfterEach
    void resetFaults() {
        post("/faults/reset").then().statusCode(200);
    }

    @ParameterizedTest
    @CsvSource({
            "memory, mb, abc, mb must be between 1 and 1024",
            "memory, mb, 0, mb must be between 1 and 1024",
            "memory, mb, 1025, mb must be between 1 and 1024",
            "cpu, threads, two, threads must be between 1 and 64",
            "cpu, threads, 65, threads must be between 1 and 64",
            "latency, ms, 0, ms must be between 1 and 60000",
            "latency, ms, 60001, ms must be between 1 and 60000",
            "latency, ms, 1s, ms must be between 1 and 60000",
            "crash, code, 256, code must be between 0 and 255",
            "crash, code, -1, code must be between 0 and 255",
            "crash, code, kill, code must be between 0 and 255"})
    void shouldRejectABadParameterWithA400NamingIt(String fault, String parameter, String value, String message) {
        given().queryParam(parameter, value)
                .when().post("/faults/{fault}", fault)
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("status", equalTo(400))
                .body("error", equalTo("Bad Request"))
                .body("message", equalTo(message))
                .body("parameter", equalTo(parameter))
                .body("path", equalTo("/faults/" + fault))
                .body("timestamp", notNullValue());

        get("/faults").then().body("memory.active", equalTo(false))
                .body("cpu.active", equalTo(false))
                .body("latency.active", equalTo(false));
        assertThat(RecordingTerminator.exitCodes()).doesNotContain(256, -1);
    }

    @Test
    void shouldTreatAnEmptyValueLikeAnAbsentOne() {
        // Quarkus REST hands "?mb=" to the resource as null, so the documented default applies.
        given().queryParam("mb", "").when().post("/faults/memory")
                .then().statusCode(200).body("retainedMb", equalTo(64));
    }

    @Test
    void shouldReallyRetainTheRequestedHeap() {
        long before = usedHeapAfterGc();

        post("/faults/memory?mb=64").then().statusCode(200)
                .body("addedMb", equalTo(64))
                .body("retainedMb", equalTo(64));
        post("/faults/memory?mb=16").then().statusCode(200).body("retainedMb", equalTo(80));

        get("/faults").then().statusCode(200)
                .body("memory.active", equalTo(true))
                .body("memory.retainedMb", equalTo(80))
                .body("memory.since", notNullValue());
        // Still held after a full collection: the chunks are reachable, not garbage.
        assertThat(usedHeapAfterGc() - before).isGreaterThanOrEqualTo(70 * MIB);
    }

    @Test
    void shouldRetainTheDefault64MbWhenNoSizeIsGiven() {
        post("/faults/memory").then().statusCode(200).body("retainedMb", equalTo(64));
    }

    @Test
    void shouldStartBusyThreadsAndRefuseToPassTheCap() {
        post("/faults/cpu?threads=1").then().statusCode(200)
                .body("started", equalTo(1))
                .body("threads", equalTo(1));
        get("/faults").then().body("cpu.active", equalTo(true)).body("cpu.threads", equalTo(1));
        assertThat(cpu.aliveThreads()).isEqualTo(1);

        post("/faults/cpu?threads=64").then().statusCode(409)
                .contentType(ContentType.JSON)
                .body("parameter", equalTo("threads"))
                .body("message", containsString("exceed 64"));
        assertThat(cpu.threads()).isEqualTo(1);
    }

    @Test
    void shouldMakeWorkSlowerByAtLeastTheInjectedDelay() {
        post("/faults/latency?ms=400").then().statusCode(200)
                .body("delayMs", equalTo(400))
                .body("since", notNullValue());

        long start = System.nanoTime();
        Response work = get("/work");
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        work.then().statusCode(200).body("lockWaitMs", greaterThanOrEqualTo(400));
        assertThat(tookMs).isGreaterThanOrEqualTo(400);
        get("/faults").then().body("latency.active", equalTo(true)).body("latency.delayMs", equalTo(400));
    }

    @Test
    void shouldClearEveryFaultOnReset() {
        post("/faults/memory?mb=8").then().statusCode(200);
        post("/faults/cpu?threads=1").then().statusCode(200);
        post("/faults/latency?ms=30000").then().statusCode(200);

        post("/faults/reset").then().statusCode(200)
                .body("memory.active", equalTo(false))
                .body("memory.retainedMb", equalTo(0))
                .body("memory.since", nullValue())
                .body("cpu.threads", equalTo(0))
                .body("latency.delayMs", equalTo(0));

        get("/faults").then().body("memory.active", equalTo(false))
                .body("cpu.active", equalTo(false))
                .body("latency.active", equalTo(false));
        assertThat(cpu.aliveThreads()).isZero();
        // The row lock is no longer held: far below the 30 s that was injected.
        get("/work").then().statusCode(200).body("lockWaitMs", lessThan(30_000));
    }

    @Test
    void shouldAnswer202ThenExitWithTheRequestedCode() {
        post("/faults/crash?code=42").then().statusCode(202)
                .body("exitCode", equalTo(42))
                .body("exitInMs", greaterThanOrEqualTo(0));

        within(Duration.ofSeconds(30), () -> assertThat(RecordingTerminator.exitCodes()).contains(42));
    }

    @Test
    void shouldExitWith137ByDefault() {
        long before = RecordingTerminator.exitCodes().stream().filter(c -> c == 137).count();

        post("/faults/crash").then().statusCode(202).body("exitCode", equalTo(137));

        within(Duration.ofSeconds(30), () -> assertThat(
                RecordingTerminator.exitCodes().stream().filter(c -> c == 137).count()).isEqualTo(before + 1));
    }

    @Test
    void shouldAnswerAWrongMethodWithJson() {
        get("/faults/memory").then().statusCode(405).contentType(ContentType.JSON).body("status", equalTo(405));
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
