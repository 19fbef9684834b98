package io.aegisops.monitor.docker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One probe against a local stand-in: what counts as healthy, and what evidence a failure carries. */
class HealthProbeTest {

    private final StandIn standIn = new StandIn();
    private final HealthProbe probe = new HealthProbe(Duration.ofSeconds(1));

    HealthProbeTest() throws IOException {
    }

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }

    private ProbeResult probe(String path) {
        return probe.probe(URI.create(standIn.url(path)));
    }

    @Test
    void shouldCountAny2xxAsHealthy() {
        standIn.answer("/ok", StandIn.Answer.of(200, "{\"status\":\"UP\"}"))
                .answer("/empty", StandIn.Answer.of(204, null));

        assertThat(probe("/ok").healthy()).isTrue();
        assertThat(probe("/empty").healthy()).isTrue();
    }

    @Test
    void shouldReportAServerErrorWithItsStatusAndTheStartOfItsBody() {
        String body = "database pool exhausted " + "#".repeat(2000);
        standIn.answer("/health", StandIn.Answer.of(500, body));

        ProbeResult result = probe("/health");

        assertThat(result.healthy()).isFalse();
        assertThat(result.statusCode()).isEqualTo(500);
        assertThat(result.outcome()).isEqualTo("HTTP 500");
        assertThat(result.evidence()).hasSize(2);
        assertThat(result.evidence().get(0)).isEqualTo("GET " + standIn.url("/health") + " -> HTTP 500");
        assertThat(result.evidence().get(1)).hasSize(HealthProbe.BODY_CHARS).startsWith("database pool exhausted");
    }

    @Test
    void shouldReportARefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        ProbeResult result = probe.probe(URI.create("http://127.0.0.1:" + closedPort + "/health"));

        assertThat(result.healthy()).isFalse();
        assertThat(result.statusCode()).isZero();
        assertThat(result.evidence()).singleElement().asString().contains("failed").contains("connection");
    }

    @Test
    void shouldGiveUpOnAnEndpointThatDoesNotAnswerInTime() {
        standIn.answer("/slow", new StandIn.Answer(200, "late", null, 3000));

        ProbeResult result = new HealthProbe(Duration.ofMillis(200)).probe(URI.create(standIn.url("/slow")));

        assertThat(result.healthy()).isFalse();
        assertThat(result.evidence()).singleElement().asString().contains("failed");
    }

    @Test
    void shouldFollowARedirectOnTheSameHost() {
        standIn.answer("/old", new StandIn.Answer(302, null, "/new", 0))
                .answer("/new", StandIn.Answer.of(200, "ok"));

        assertThat(probe("/old").healthy()).isTrue();
        assertThat(standIn.hits("/new")).isEqualTo(1);
    }

    @Test
    void shouldRefuseARedirectToAnotherHost() {
        standIn.answer("/away", new StandIn.Answer(302, null, "http://example.invalid/health", 0));

        ProbeResult result = probe("/away");

        assertThat(result.healthy()).isFalse();
        assertThat(result.outcome()).isEqualTo("redirect to another host refused");
    }

    @Test
    void shouldStopFollowingAnEndlessRedirectLoop() {
        standIn.answer("/loop", new StandIn.Answer(302, null, "/loop", 0));

        ProbeResult result = probe("/loop");

        assertThat(result.healthy()).isFalse();
        assertThat(result.outcome()).contains("redirects");
        assertThat(standIn.hits("/loop")).isEqualTo(HealthProbe.MAX_REDIRECTS + 1);
    }

    @Test
    void shouldAcceptOnlyHttpUrlsWithAHost() {
        assertThat(HealthProbe.parseUrl(" http://buggy-app:8080/q/health ")).hasHost("buggy-app").hasPort(8080);
        assertThatThrownBy(() -> HealthProbe.parseUrl("ftp://buggy-app/health")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> HealthProbe.parseUrl("/q/health")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> HealthProbe.parseUrl("http:///q/health")).hasMessageContaining("no host");
        assertThatThrownBy(() -> HealthProbe.parseUrl("http://bad host/")).hasMessageContaining("not a valid URI");
    }

    @Test
    void shouldNeverShowCredentialsOrQueryOfAHealthUrl() {
        URI url = HealthProbe.parseUrl("http://user:secret@buggy-app:8080/q/health?token=abc#frag");

        assertThat(HealthProbe.display(url)).isEqualTo("http://buggy-app:8080/q/health");
    }
}
