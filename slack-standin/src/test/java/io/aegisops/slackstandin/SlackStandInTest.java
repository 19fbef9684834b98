package io.aegisops.slackstandin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in over real HTTP: Slack's answers, the record of what arrived, scripted failures. */
class SlackStandInTest {

    private static final String TOKEN = "xoxb-test-token";
    private final HttpClient http = HttpClient.newHttpClient();
    private SlackStandIn slack;

    @BeforeEach
    void start() {
        slack = SlackStandIn.start("127.0.0.1", 0, TOKEN);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void shouldAnswerPostMessageWithAChannelAndANewTsPerMessage() throws Exception {
        HttpResponse<String> first = post("/api/chat.postMessage", "Bearer " + TOKEN, "{\"channel\":\"#ops\",\"text\":\"one\"}");
        HttpResponse<String> second = post("/api/chat.postMessage", "Bearer " + TOKEN, "{\"channel\":\"#ops\",\"text\":\"two\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"ok\":true", "\"channel\":\"C0AEGIS01\"", "\"ts\":\"1700000000.000001\"");
        assertThat(second.body()).contains("\"ts\":\"1700000000.000002\"");
    }

    @Test
    void shouldAnswerInvalidAuthWithOkFalseLikeSlackDoes() throws Exception {
        HttpResponse<String> response = post("/api/chat.postMessage", "Bearer wrong", "{\"text\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"ok\":false", "invalid_auth");
    }

    @Test
    void shouldEchoChannelAndTsOfAnUpdateAndRefuseAnUpdateWithoutThem() throws Exception {
        assertThat(post("/api/chat.update", "Bearer " + TOKEN, "{\"channel\":\"C1\",\"ts\":\"17.5\",\"text\":\"x\"}").body())
                .contains("\"ok\":true", "\"channel\":\"C1\"", "\"ts\":\"17.5\"");
        assertThat(post("/api/chat.update", "Bearer " + TOKEN, "{\"text\":\"x\"}").body())
                .contains("\"ok\":false", "invalid_arguments");
    }

    @Test
    void shouldRecordEveryRequestAndServeTheRecordAsJson() throws Exception {
        post("/services/T1/B1/secret", null, "{\"text\":\"quote \\\" and\\nnewline\"}");

        assertThat(slack.received(Received::isWebhook)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("quote"));
        HttpResponse<String> record = http.send(HttpRequest.newBuilder(URI.create(slack.url() + "/received")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(record.body()).startsWith("[{\"path\":\"/services/T1/B1/secret\",\"authorized\":false,")
                .contains("\"body\":\"{\\\"text\\\":\\\"quote \\\\\\\" and\\\\nnewline\\\"}\"");
    }

    @Test
    void shouldAnswerScriptedFailuresTheGivenNumberOfTimesThenSucceed() throws Exception {
        HttpResponse<String> scripted = post("/script?path=/api/chat.postMessage&status=429&times=1&retryAfter=3",
                null, "");
        assertThat(scripted.statusCode()).isEqualTo(200);

        HttpResponse<String> limited = post("/api/chat.postMessage", "Bearer " + TOKEN, "{\"text\":\"x\"}");
        HttpResponse<String> then = post("/api/chat.postMessage", "Bearer " + TOKEN, "{\"text\":\"x\"}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("3");
        assertThat(then.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseABadScriptWithAnErrorThatSaysWhatIsExpected() throws Exception {
        HttpResponse<String> response = post("/script?status=abc", null, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("expected path, status");
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(slack.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
