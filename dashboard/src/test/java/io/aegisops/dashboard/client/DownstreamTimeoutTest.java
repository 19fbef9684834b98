package io.aegisops.dashboard.client;

import com.sun.net.httpserver.HttpServer;
import io.aegisops.dashboard.config.DashboardConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A call that is slow by nature (a leak answers once the heap is filled) gets its own timeout; every other call
 * keeps the ordinary one. Against a real HTTP server on loopback that answers after 1.5 s.
 */
class DownstreamTimeoutTest {

    private HttpServer server;
    private DownstreamClient client;

    @BeforeEach
    void slowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/faults/memory", exchange -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"retainedMb\":220}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        DashboardConfig config = (DashboardConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DashboardConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "buggyUrl" -> base;
                    case "requestTimeout" -> Duration.ofMillis(500);
                    case "faultTimeout" -> Duration.ofSeconds(5);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        client = new DownstreamClient(config);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldWaitForASlowCallOnlyWhenItsOwnTimeoutAllowsIt() {
        assertThatThrownBy(() -> client.post(Caller.NOBODY, Downstream.BUGGY, "/faults/memory?mb=220", null, Set.of()))
                .isInstanceOf(DownstreamException.class).hasMessageContaining("did not answer in time");

        DownstreamReply reply = client.post(Caller.NOBODY, Downstream.BUGGY, "/faults/memory?mb=220", null, Set.of(),
                Duration.ofSeconds(5));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("retainedMb").asInt()).isEqualTo(220);
    }
}
