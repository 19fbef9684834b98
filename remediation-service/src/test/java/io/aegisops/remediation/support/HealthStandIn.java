package io.aegisops.remediation.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server standing in for a container's health endpoint (the test JVM and the service under test both
 * run on the host, so 127.0.0.1 reaches it). Answers the status the test set and counts the probes.
 */
public final class HealthStandIn implements AutoCloseable {

    private final HttpServer server;
    private volatile int status = 200;
    private final AtomicInteger probes = new AtomicInteger();

    public HealthStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "health-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health", exchange -> {
            probes.incrementAndGet();
            try (exchange) {
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    public HealthStandIn answering(int status) {
        this.status = status;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    public int probes() {
        return probes.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
