package io.aegisops.dashboard.push;

import io.aegisops.dashboard.support.IncidentStory;
import io.aegisops.dashboard.support.StandInServices;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * An open page hears of events on Kafka without asking, sees who else is in the room under their signed-in names
 * (never a name the page chose), and leaves it when its connection closes. Each page authenticates with its own
 * token, as a browser does with its session cookie.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "dashboard"))
@QuarkusTestResource(StandInServices.class)
class PushTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @TestHTTPResource("/api/stream")
    URI stream;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** A page's stream: every data line it received, read on a thread of its own. */
    private static final class Page implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final InputStream body;

        Page(URI stream, String name) throws IOException, InterruptedException {
            this(stream, name, "");
        }

        Page(URI stream, String name, String query) throws IOException, InterruptedException {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(stream + query)).header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + token(name)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            received.add(line.substring(5).trim());
                        }
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            }, "sse-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        boolean got(String type, String containing) {
            return received.stream().anyMatch(d -> d.contains("\"type\":\"" + type + "\"") && d.contains(containing));
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private static String token(String name) {
        return StandInServices.token("session", Roles.VIEWER, name);
    }

    private static RequestSpecification as(String name) {
        return given().header("Authorization", "Bearer " + token(name));
    }

    @Test
    void shouldPushAnIncidentFromKafkaToAnOpenPage() throws Exception {
        IncidentStory story = new IncidentStory(UUID.randomUUID().toString(), "inventory");
        try (Page page = new Page(stream, "alice")) {
            await("welcome").atMost(WAIT).until(() -> page.got("welcome", "alice"));

            kafka.send(story.awaitingApproval().get(0).topic(), story.awaitingApproval().get(0).event());

            await("the incident on the page").atMost(WAIT).until(() -> page.got("incident", story.incidentId));
            await("the new figures").atMost(WAIT).until(() -> page.got("stats", story.incidentId));
        }
    }

    @Test
    void shouldShowWhoIsInTheRoomAndWhenTheyLeave() throws Exception {
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 6);
        try (Page alice = new Page(stream, "carol")) {
            await().atMost(WAIT).until(() -> alice.got("welcome", "carol"));
            try (Page page = new Page(stream, bob)) {
                await("carol sees bob arrive").atMost(WAIT).until(() -> alice.got("presence", bob));
                as("carol").get("/api/presence").then().statusCode(200).body("$", hasItem(bob))
                        .body("$", hasItem("carol"));
            }
            await("bob leaves when his page closes").atMost(WAIT).untilAsserted(() ->
                    as("carol").get("/api/presence").then().body("$", not(hasItem(bob))));
        }
        await().atMost(WAIT).untilAsserted(() -> as("carol").get("/api/activity").then().statusCode(200)
                .body("findAll { it.actor == '" + bob + "' }.action", hasItem("joined the war room"))
                .body("findAll { it.actor == '" + bob + "' }.action", hasItem("left the war room")));
    }

    @Test
    void shouldShowTheSignedInNameWhateverNameThePageAsksFor() throws Exception {
        String dana = "dana-" + UUID.randomUUID().toString().substring(0, 6);
        try (Page page = new Page(stream, dana, "?name=mallory")) {
            await("welcome under the signed-in name").atMost(WAIT).until(() -> page.got("welcome", dana));
            as(dana).get("/api/presence").then().statusCode(200).body("$", hasItem(dana))
                    .body("$", not(hasItem("mallory")));
        }
    }

    @Test
    void shouldRefuseAStreamWithoutCredentials() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
    }
}
