package io.aegisops.buggy.client;

import io.aegisops.contract.AppAlert;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends alerts to monitor-service over HTTP with short timeouts, so a slow or dead monitor costs the delivery
 * thread at most a few seconds per try and never the app itself.
 */
public final class RestAlertTransport implements AlertTransport {

    private final MonitorClient client;

    public RestAlertTransport(URI monitorUrl, Duration connectTimeout, Duration readTimeout) {
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(monitorUrl)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(MonitorClient.class);
    }

    @Override
    public void send(AppAlert alert) {
        try (Response response = client.send(alert)) {
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new IllegalStateException("monitor-service answered HTTP " + response.getStatus());
            }
        }
    }
}
