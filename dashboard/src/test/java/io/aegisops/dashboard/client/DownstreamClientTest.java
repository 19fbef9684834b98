package io.aegisops.dashboard.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The user sees the other service's own words, whatever shape its error has. */
class DownstreamClientTest {

    private static JsonNode json(String text) throws Exception {
        return EventCodec.mapper().readTree(text);
    }

    @Test
    void shouldTakeTheMessageOfAnApiErrorOrOfBuggyAppsErrorResponse() throws Exception {
        assertThat(DownstreamClient.messageOf(json("{\"status\":409,\"error\":\"Conflict\",\"message\":\"already APPROVED\"}"),
                null, 409)).isEqualTo("already APPROVED");
        assertThat(DownstreamClient.messageOf(json("{\"status\":400,\"message\":\"mb must be 1..1024\",\"parameter\":\"mb\"}"),
                null, 400)).isEqualTo("mb must be 1..1024");
    }

    @Test
    void shouldNameTheChecksThatAreDownInAHealthAnswer() throws Exception {
        JsonNode health = json("""
                {"status":"DOWN","checks":[{"name":"db","status":"UP"},
                 {"name":"self-watch","status":"DOWN","data":{"LATENCY":"WARNING: p95 3000 ms"}}]}""");

        assertThat(DownstreamClient.messageOf(health, null, 503))
                .isEqualTo("not ready: self-watch {\"LATENCY\":\"WARNING: p95 3000 ms\"}");
    }

    @Test
    void shouldFallBackToTheRawTextAndThenToTheStatus() {
        assertThat(DownstreamClient.messageOf(null, "Service Unavailable", 503)).isEqualTo("Service Unavailable");
        assertThat(DownstreamClient.messageOf(null, "", 502)).isEqualTo("no message (HTTP 502)");
        assertThat(DownstreamClient.messageOf(null, "x".repeat(900), 500)).hasSize(501);
    }

    @Test
    void shouldJoinTheBaseUrlAndThePathWithOneSlash() {
        assertThat(DownstreamClient.resolve(URI.create("http://approval-service:8080/"), "/api/approvals"))
                .isEqualTo(URI.create("http://approval-service:8080/api/approvals"));
        assertThat(DownstreamClient.resolve(URI.create("http://localhost:9000/approval"), "api/approvals?limit=5"))
                .isEqualTo(URI.create("http://localhost:9000/approval/api/approvals?limit=5"));
    }
}
