package io.aegisops.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.aegisops.e2e.Stack.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./aegisops user} as an operator types it, against the running stack: a person added with a generated
 * password can log in, a token issued for them works on another service, shows in the list by id (never by value)
 * and stops working once revoked; a Slack user is mapped.
 */
class UserCliIT {

    private static final Path SCRIPT = Path.of(System.getProperty("aegis.e2e.script", "../aegisops"));
    private static final Pattern SHOWN_ONCE = Pattern.compile("\\((?:shown this once)\\): (\\S+)");

    /** Runs {@code ./aegisops user <args>} and returns its output; fails on a non-zero exit. */
    private static String user(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString(), "user"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        boolean done = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("./aegisops user %s finished: %s", String.join(" ", args), output).isTrue();
        assertThat(process.exitValue()).as("./aegisops user %s: %s", String.join(" ", args), output).isZero();
        return output;
    }

    private static String shownOnce(String output) {
        Matcher matcher = SHOWN_ONCE.matcher(output);
        assertThat(matcher.find()).as("a value shown once in: %s", output).isTrue();
        return matcher.group(1);
    }

    @Test
    void shouldAddAPersonIssueAndRevokeATokenAndMapASlackUser() throws Exception {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);

        String password = shownOnce(user("add", name, "approver"));
        anonymous(Stack.APPROVAL).body(Map.of("username", name, "password", password))
                .post("/api/auth/sessions").then().statusCode(201);

        String token = shownOnce(user("token", name, "laptop", "--days", "7"));
        anonymous(Stack.MONITOR).auth().oauth2(token).get("/api/incidents").then().statusCode(200);

        String list = user("list");
        assertThat(list).contains(name, "approver", "laptop").doesNotContain(token);
        String id = Stack.at(Stack.APPROVAL).get("/api/auth/users").then().statusCode(200).extract().jsonPath()
                .getString("find { it.name == '" + name + "' }.tokens.find { it.label == 'laptop' }.id");
        assertThat(list).contains(id);

        user("slack", "U0CLI" + name.substring(4, 8).toUpperCase(), name);
        assertThat(Stack.at(Stack.APPROVAL).get("/api/auth/slack-users").then().statusCode(200).extract()
                .jsonPath().getList("principal")).contains(name);

        user("revoke", id);
        await("the revoked token refused by monitor").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> anonymous(Stack.MONITOR).auth().oauth2(token).get("/api/incidents").statusCode() == 401);
    }

    @Test
    void shouldNameTheProblemWhenAskedForSomethingWrong() throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), "user", "add", "x y", "root")
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("approval-service answered 400").contains("next:");
    }
}
