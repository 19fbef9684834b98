package io.aegisops.buggy.client;

import io.aegisops.contract.AppAlert;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * monitor-service's native alert intake. Built programmatically by {@link RestAlertTransport} because its URL
 * is optional (no URL: alerts are only logged) and its timeouts come from typed config.
 */
@Path("/api/alerts")
public interface MonitorClient {

    /**
     * Any 2xx means the alert is recorded; anything else raises (the REST client maps status >= 400).
     *
     * @param authorization {@code Bearer <intake token>}, or null to send none
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response send(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, AppAlert alert);
}
