package io.aegisops.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;

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
    /** Image for throw-away containers (the local JRE base when no registry is reachable). */
    public static final String TEST_IMAGE = System.getProperty("aegis.test.image", "aegisops/jre:17");

    private static DockerClient docker;

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Stack() {
    }

    private static String url(String service, int port) {
        return System.getProperty("aegis.e2e." + service + "-url", "http://localhost:" + port);
    }

    public static RequestSpecification at(String baseUrl) {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri(baseUrl).setContentType(ContentType.JSON).build());
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
