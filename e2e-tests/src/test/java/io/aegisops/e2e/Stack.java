package io.aegisops.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.LogConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the running Compose stack is. ./aegisops test starts the stack once and passes the URLs as system
 * properties; the defaults are the README's ports, so the suite also runs against a stack started by hand.
 */
public final class Stack {

    public static final String BUGGY = url("buggy", 8000);
    public static final String MONITOR = url("monitor", 8081);
    public static final String DIAGNOSIS = url("diagnosis", 8082);
    public static final String REMEDIATION = url("remediation", 8083);
    public static final String APPROVAL = url("approval", 8084);
    public static final String DASHBOARD = url("dashboard", 8080);
    /** Kafka's external listener. */
    public static final String KAFKA = System.getProperty("aegis.e2e.kafka-bootstrap", "localhost:29092");
    /**
     * The stack's Compose project, also its name for the containers it looks after ({@code aegis.stack}): the suite's
     * own containers carry it, and anything else on the engine is not the suite's stack's to touch. ./aegisops test
     * passes its own ({@code aegisops-test}); the default, like the URLs', is a stack started by hand.
     */
    public static final String PROJECT = System.getProperty("aegis.e2e.compose-project", "aegisops");
    /**
     * A stack name no stack has: a container naming it stands for another stack's (a user's ./aegisops up), which the
     * suite's stack must leave alone. Not the user's real stack name: a user's stack running beside the suite would
     * rightly heal such a container, and its incident history would get the suite's crashes.
     */
    public static final String ANOTHER_STACK = "e2e-another-stack";
    /** Image for throw-away containers (the local JRE base when no registry is reachable). */
    public static final String TEST_IMAGE = System.getProperty("aegis.test.image", "aegisops/jre:17");

    /** Where ./aegisops keeps the stack's secrets, read when they are not in the environment (a stack by hand). */
    private static final Path SECRETS = Path.of(System.getProperty("aegis.e2e.secrets-file", "../.env"));
    /** Names of people this run creates get this suffix: a stack kept between runs still has earlier ones. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final Map<String, Credentials> PEOPLE = new ConcurrentHashMap<>();

    private static DockerClient docker;

    /** A principal this run created: the name, its password (dashboard login) and an API token. */
    public record Credentials(String name, String password, String token) {
    }

    static {
        // A failed request is logged with its headers: never with the bearer token (CI logs are read by people).
        RestAssured.config = RestAssured.config().logConfig(LogConfig.logConfig()
                .enableLoggingOfRequestAndResponseIfValidationFails().blacklistHeader("Authorization", "Cookie"));
    }

    private Stack() {
    }

    private static String url(String service, int port) {
        return System.getProperty("aegis.e2e." + service + "-url", "http://localhost:" + port);
    }

    /** A request as the stack's admin (every role on the ladder): what most cases need to drive the stack. */
    public static RequestSpecification at(String baseUrl) {
        return anonymous(baseUrl).auth().oauth2(adminToken());
    }

    /** A request as {@code who}. */
    public static RequestSpecification as(Credentials who, String baseUrl) {
        return anonymous(baseUrl).auth().oauth2(who.token());
    }

    /** A request without credentials. */
    public static RequestSpecification anonymous(String baseUrl) {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri(baseUrl).setContentType(ContentType.JSON).build());
    }

    public static String adminToken() {
        return secret("AEGIS_ADMIN_TOKEN");
    }

    public static String adminPassword() {
        return secret("AEGIS_ADMIN_PASSWORD");
    }

    /** The machine intake's token (role reporter), as buggy-app and Alertmanager use it. */
    public static String intakeToken() {
        return secret("AEGIS_INTAKE_TOKEN");
    }

    /** A person of this run holding {@code role}, created through the identity API on first use. */
    public static Credentials userWithRole(String role) {
        return person("e2e-" + role, role);
    }

    /** A person of this run named {@code name} (plus the run's suffix) holding {@code role}. */
    public static Credentials person(String name, String role) {
        return PEOPLE.computeIfAbsent(name + "/" + role, key -> {
            String unique = name + "-" + RUN;
            String password = "e2e-password-" + UUID.randomUUID();
            at(APPROVAL).body(Map.of("name", unique, "role", role, "password", password))
                    .post("/api/auth/users").then().statusCode(201);
            String token = at(APPROVAL).body(Map.of("label", "e2e"))
                    .post("/api/auth/users/{name}/tokens", unique).then().statusCode(201)
                    .extract().path("token");
            return new Credentials(unique, password, token);
        });
    }

    private static String secret(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isBlank())
                .or(() -> fromSecretsFile(variable))
                .orElseThrow(() -> new IllegalStateException(variable + " is neither in the environment nor in "
                        + SECRETS.toAbsolutePath() + ": start the stack with ./aegisops up (it generates it)"));
    }

    private static Optional<String> fromSecretsFile(String variable) {
        try {
            return Files.readAllLines(SECRETS).stream().filter(l -> l.startsWith(variable + "="))
                    .map(l -> l.substring(variable.length() + 1)).reduce((first, last) -> last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static synchronized DockerClient docker() {
        if (docker == null) {
            DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
            docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .connectionTimeout(Duration.ofSeconds(5))
                    .responseTimeout(Duration.ofSeconds(60))
                    .build());
        }
        return docker;
    }

    /** The Compose container of a service, found by its compose label (name patterns differ in v1 and v2). */
    public static Container container(String service) {
        List<Container> found = docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of("com.docker.compose.service", service))
                .exec();
        if (found.isEmpty()) {
            throw new IllegalStateException("no container for compose service " + service
                    + ": is the stack up? Start it with ./aegisops up");
        }
        return found.get(0);
    }
}
