package io.aegisops.buggy.client;

import io.aegisops.contract.AppAlert;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends alerts to monitor-service over HTTP with short timeouts, so a slow or dead monitor costs the delivery
 * thread at most a few seconds per try and never the app itself. Presents the intake token as a bearer token: the
 * intake refuses an alert without one (401), so a forged alert cannot open an incident.
 */
public final class RestAlertTransport implements AlertTransport {

    private final MonitorClient client;
    private final String authorization;

    /** @param token the intake token (role reporter); empty sends none */
    public RestAlertTransport(URI monitorUrl, Optional<String> token, Duration connectTimeout, Duration readTimeout) {
        this.authorization = token.map(t -> "Bearer " + t).orElse(null);
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(monitorUrl)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(MonitorClient.class);
    }

    @Override
    public void send(AppAlert alert) {
        try (Response response = client.send(authorization, alert)) {
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new IllegalStateException("monitor-service answered HTTP " + response.getStatus());
            }
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401 || status == 403) {
                // Not chained: the dispatcher reports the root cause, and this is the part that says what to fix.
                throw new IllegalStateException("monitor-service refused the alert (HTTP " + status + "): "
                        + AlertNotifier.TOKEN_HINT);
            }
            throw e;
        }
    }
}
