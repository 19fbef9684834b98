package io.aegisops.kit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Asks the identity owner whose a token is, by presenting it to {@code GET /api/auth/me} exactly as the caller
 * presented it here. Users and tokens live in one place (approval-service's database); this is the only way the
 * other services learn about them, so a revoked token stops working everywhere once {@link TokenCache} forgets it.
 */
@DefaultBean
@ApplicationScoped
public class RemoteTokenVerifier implements TokenVerifier {

    private final AuthConfig config;
    private final HttpClient http;

    public RemoteTokenVerifier(AuthConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public Optional<VerifiedCaller> verify(String token) {
        URI uri = URI.create(config.identityUrl().toString().replaceAll("/+$", "") + "/api/auth/me");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IdentityUnavailableException("the identity service at " + uri.getAuthority()
                    + " could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityUnavailableException("interrupted while asking the identity service", e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IdentityUnavailableException("the identity service answered " + response.statusCode(), null);
        }
        return Optional.of(parse(response.body()));
    }

    static VerifiedCaller parse(String body) {
        try {
            JsonNode me = EventCodec.mapper().readTree(body);
            String name = me.path("name").asText("");
            Optional<String> role = Roles.parse(me.path("role").asText(null));
            if (name.isBlank() || role.isEmpty()) {
                throw new IdentityUnavailableException("the identity service named no principal or role", null);
            }
            return new VerifiedCaller(name, role.get(), me.path("via").asText("api-token"));
        } catch (IOException e) {
            throw new IdentityUnavailableException("the identity service did not answer JSON", e);
        }
    }
}
