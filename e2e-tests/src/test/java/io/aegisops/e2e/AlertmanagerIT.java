package io.aegisops.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.aegisops.e2e.Stack.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus Alertmanager (Debian's prometheus-alertmanager, run on the host) as the stack's peer: configured
 * as an operator would (webhook receiver, the intake token as bearer credentials), it notifies monitor-service of a
 * firing alert, which opens an incident, and of its resolution, after which the incident resolves itself at its
 * source. Alerts are handed to Alertmanager through its own API, as Prometheus does.
 */
class AlertmanagerIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String BINARY =
            System.getProperty("aegis.e2e.alertmanager", "/usr/bin/prometheus-alertmanager");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String target = "e2e-am-" + UUID.randomUUID().toString().substring(0, 8);
    private Process alertmanager;
    private String api;

    @BeforeEach
    void startAlertmanager() throws Exception {
        if (!new File(BINARY).canExecute()) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's prometheus-alertmanager "
                    + "(./aegisops test does: deploy/lib/peers.sh ensure_alertmanager)");
        }
        Path dir = Files.createDirectories(Path.of("target", "alertmanager", target));
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: aegisops
                  group_by: [alertname, aegis_service]
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: aegisops
                    webhook_configs:
                      - url: %s/api/alerts/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials_file: %s
                """.formatted(Stack.MONITOR, writeToken(dir).toAbsolutePath()));
        int port = freePort();
        api = "http://127.0.0.1:" + port;
        alertmanager = new ProcessBuilder(BINARY, "--config.file=" + config.toAbsolutePath(),
                "--storage.path=" + dir.resolve("data").toAbsolutePath(), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        await("Alertmanager answers on " + api).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> get("/-/ready") == 200);
    }

    @AfterEach
    void stopAlertmanager() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroy();
            if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
                alertmanager.destroyForcibly();
            }
        }
        Incidents.resolveOpen(target);
    }

    private static Path writeToken(Path dir) throws IOException {
        Path token = dir.resolve("intake-token");
        Files.writeString(token, Stack.intakeToken());
        return token;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private int get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** What Prometheus sends to Alertmanager's API: the alert, and with {@code endsAt} in the past, its end. */
    private void postToAlertmanager(Instant startsAt, Instant endsAt) throws IOException, InterruptedException {
        String body = """
                [{"labels":{"alertname":"HighLatency","aegis_service":"%s","severity":"warning"},
                  "annotations":{"summary":"p95 above 2 s on %s"},
                  "startsAt":"%s"%s}]"""
                .formatted(target, target, startsAt, endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Alertmanager took the alert: %s", response.body()).isEqualTo(200);
    }

    private Map<String, Object> incident(Instant since) {
        List<Map<String, Object>> incidents = Incidents.openedSince(target, since);
        return incidents.isEmpty() ? Map.of() : incidents.get(0);
    }

    @Test
    void shouldOpenAnIncidentFromAlertmanagerAndResolveItWhenTheAlertResolvesAtItsSource() throws Exception {
        Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);

        postToAlertmanager(startsAt, null);
        await("Alertmanager's notification opens an incident for " + target).atMost(WAIT)
                .pollInterval(Duration.ofMillis(250)).until(() -> !incident(startsAt).isEmpty());
        String id = (String) incident(startsAt).get("id");
        postToAlertmanager(startsAt, Instant.now().minusSeconds(1));

        await("the incident resolves itself at its source").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> "RESOLVED".equals(incident(startsAt).get("status")));
        JsonPath details = at(Stack.MONITOR).get("/api/incidents/{id}", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(details.getList("alerts.status", String.class)).containsExactly("firing", "resolved");
        List<Map<String, Object>> timeline = details.getList("timeline");
        assertThat(timeline).anySatisfy(step -> assertThat(step.get("reason").toString())
                .contains("resolved at its source (ALERTMANAGER)"));
        assertThat(timeline.get(timeline.size() - 1)).containsEntry("actor", "monitor-service (source resolution)")
                .containsEntry("to", "RESOLVED");
    }
}
