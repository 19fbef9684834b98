package io.aegisops.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.aegisops.dockerkit.ContainerOutput;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Docker socket proxy image of the stack ({@code deploy/images/docker-proxy}) run against the real engine,
 * exactly as docker-compose.yml runs it (socket mounted, the socket's group added, read-only root file system),
 * with its port published on 127.0.0.1 for the test. Exists so the services' integration tests prove the very
 * image and allow-list production uses rather than a copy of the HAProxy config.
 */
public final class DockerSocketProxy implements AutoCloseable {

    /** The image to run; {@code ./aegisops test} passes the one it built. */
    public static final String IMAGE_PROPERTY = "aegis.test.docker-proxy-image";
    public static final String DEFAULT_IMAGE = "aegisops/docker-proxy:2.6";
    private static final String SOCKET = "/var/run/docker.sock";
    private static final ExposedPort PORT = ExposedPort.tcp(2375);
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerClient engine;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String containerId;
    private final String address;

    private DockerSocketProxy(DockerClient engine, String containerId, String address) {
        this.engine = engine;
        this.containerId = containerId;
        this.address = address;
    }

    /**
     * Starts the proxy with {@code policy} ({@code monitor} or {@code remediation}) and waits until it answers
     * {@code /_ping} from the engine behind it.
     *
     * @throws AssertionError when the image is missing or the proxy does not become ready, saying what to do
     */
    public static DockerSocketProxy start(String policy) {
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        DockerClient engine = directClient();
        try {
            engine.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            closeQuietly(engine);
            throw new AssertionError("The Docker socket proxy image '" + image + "' is not in the local engine. Run "
                    + "`./aegisops images` (it builds it from deploy/images/docker-proxy), or pass -D" + IMAGE_PROPERTY
                    + "=<image>.");
        }
        Ports ports = new Ports();
        ports.bind(PORT, Ports.Binding.bindIp("127.0.0.1"));
        String id = engine.createContainerCmd(image)
                .withName("aegis-it-docker-proxy-" + policy + "-" + UUID.randomUUID().toString().substring(0, 8))
                .withCmd(policy)
                .withLabels(Map.of("aegis.test", "true"))
                .withExposedPorts(PORT)
                .withHostConfig(HostConfig.newHostConfig()
                        .withBinds(Bind.parse(SOCKET + ":" + SOCKET))
                        .withGroupAdd(List.of(socketGroup()))
                        .withReadonlyRootfs(true)
                        .withPortBindings(ports))
                .exec()
                .getId();
        DockerSocketProxy proxy;
        try {
            engine.startContainerCmd(id).exec();
            Ports.Binding[] bound = engine.inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
                    .getBindings().get(PORT);
            proxy = new DockerSocketProxy(engine, id, "127.0.0.1:" + bound[0].getHostPortSpec());
        } catch (RuntimeException e) {
            engine.removeContainerCmd(id).withForce(true).exec();
            closeQuietly(engine);
            throw e;
        }
        proxy.awaitReady();
        return proxy;
    }

    /** The address for {@code DOCKER_HOST}, as compose gives the services: {@code tcp://127.0.0.1:<port>}. */
    public String dockerHost() {
        return "tcp://" + address;
    }

    /** Sends {@code method path} (with an empty body, or {@code jsonBody}) straight to the proxy. */
    public HttpResponse<String> send(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + address + path))
                .timeout(Duration.ofSeconds(30));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " through the proxy failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    public HttpResponse<String> send(String method, String path) {
        return send(method, path, null);
    }

    /**
     * Sends the call and requires the proxy's own refusal: 403 with the JSON body that names the proxy, the method
     * and the path (a 403 from the engine, or any other answer, fails with the proxy's log).
     */
    public void assertRefused(String policy, String method, String path, String jsonBody) {
        HttpResponse<String> response = send(method, path, jsonBody);
        String expected = policy + "-docker-proxy refuses " + method + " " + path.replaceFirst("[?].*", "") + ":";
        String message;
        try {
            message = JSON.readTree(response.body()).path("message").asText("");
        } catch (IOException notJson) {
            message = "";
        }
        if (response.statusCode() != 403 || !message.startsWith(expected)) {
            throw new AssertionError(method + " " + path + " through the " + policy + " proxy: expected 403 with a JSON "
                    + "message starting '" + expected + "', got HTTP " + response.statusCode() + " " + response.body()
                    + "\nProxy log:\n" + logs());
        }
    }

    /** What HAProxy logged, one line per request: shown when an assertion about the proxy fails. */
    public String logs() {
        return ContainerOutput.of(engine, containerId, 200, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        try {
            engine.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // removed by hand
        } finally {
            closeQuietly(engine);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!Boolean.TRUE.equals(engine.inspectContainerCmd(containerId).exec().getState().getRunning())) {
                last = "the proxy container exited";
                break;
            }
            try {
                HttpResponse<String> ping = send("GET", "/_ping");
                if (ping.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + ping.statusCode() + " " + ping.body();
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String logs = logs();
        close();
        throw new AssertionError("The Docker socket proxy did not answer GET /_ping within " + READY_WITHIN.toSeconds()
                + " s (" + last + "). Its output:\n" + logs);
    }

    /** The group owning the socket, which the proxy (user haproxy) joins as compose's group_add does. */
    private static String socketGroup() {
        try {
            return String.valueOf(Files.getAttribute(Path.of(SOCKET), "unix:gid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "0";
        }
    }

    private static DockerClient directClient() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix://" + SOCKET);
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // the test is ending; nothing left to release
        }
    }
}
