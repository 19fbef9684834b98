package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import java.net.URI;
import java.time.Duration;

/**
 * Builds docker-java clients on the httpclient5 transport. Kept apart from the CDI producer so the
 * integration tests talk to the engine through exactly the client configuration production uses.
 */
public final class DockerClients {

    /** Failing fast on an absent engine keeps reconnect attempts cheap. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private DockerClients() {
    }

    /**
     * A client for streams ({@code unix://}, {@code tcp://} or {@code npipe://}): no response timeout, because the
     * event stream is a response that legitimately stays silent for hours.
     *
     * @throws IllegalArgumentException when the address is not a Docker host URI
     */
    public static DockerClient create(String host) {
        return create(host, null);
    }

    /**
     * A client whose every read gives up after {@code responseTimeout} of silence, so a hung engine cannot hold an
     * investigation, a health round or a log read forever; null sets none (streams only).
     *
     * @throws IllegalArgumentException when the address is not a Docker host URI
     */
    public static DockerClient create(String host, Duration responseTimeout) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("aegis.docker.host must not be blank");
        }
        URI uri;
        try {
            uri = URI.create(host.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aegis.docker.host is not a URI: " + host, e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("unix") || scheme.equals("tcp") || scheme.equals("npipe"))) {
            throw new IllegalArgumentException("aegis.docker.host must start with unix://, tcp:// or npipe://, was: " + host);
        }
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(uri.toString())
                .build();
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }
}
