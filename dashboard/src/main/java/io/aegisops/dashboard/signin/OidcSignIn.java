package io.aegisops.dashboard.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.dashboard.config.OidcSignInConfig;
import io.aegisops.kit.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dashboard's side of signing in through the OIDC provider: the authorization-code flow with PKCE (S256), a
 * {@code state} that ties the provider's answer to the browser that asked, and a {@code nonce} that ties the ID token
 * to this sign-in. The dashboard only carries the ID token to approval-service, which checks it against the
 * provider's keys and opens an AegisOps session; nothing here decides who someone is.
 *
 * <p>What the flow must remember between the redirect and the callback (state, nonce, PKCE verifier) travels in a
 * short-lived HttpOnly cookie of the browser that started it, so a callback from another browser (a login CSRF
 * with an attacker's code) finds no matching state.
 */
@ApplicationScoped
public class OidcSignIn {

    /** How long a started sign-in may take at the provider. */
    public static final Duration FLOW_TTL = Duration.ofMinutes(10);
    public static final String CALLBACK_PATH = "api/auth/oidc/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OidcSignInConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Endpoints endpoints;

    /** The provider's endpoints, from its discovery document. */
    record Endpoints(URI authorization, URI token) {
    }

    /** A sign-in just started: where to send the browser, and what its cookie must hold. */
    public record Started(URI authorizeAt, String flowCookie) {
    }

    /** The end of a sign-in at the provider: its ID token and the nonce this sign-in sent. */
    public record Finished(String idToken, String nonce) {
    }

    /** Why a sign-in did not finish, in words for the person who tried. */
    public static class SignInFailed extends RuntimeException {
        public SignInFailed(String message) {
            super(message);
        }
    }

    public OidcSignIn(OidcSignInConfig config) {
        this.config = config;
    }

    /** Issuer and client id are set. */
    public boolean enabled() {
        return config.issuer().isPresent() && config.clientId().isPresent();
    }

    /** What the sign-in button names: the configured name, else the issuer's host. */
    public String providerName() {
        return config.providerName().filter(name -> !name.isBlank())
                .orElseGet(() -> config.issuer().map(URI::getHost).orElse(""));
    }

    /**
     * Starts a sign-in.
     *
     * @param dashboardBase the dashboard's address as the browser reached it (for the default redirect URI)
     */
    public Started start(URI dashboardBase) {
        String state = random();
        String nonce = random();
        String verifier = random() + random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId().orElseThrow());
        query.put("redirect_uri", redirectUri(dashboardBase));
        query.put("scope", config.scopes());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        URI authorization = endpoints().authorization();
        String separator = authorization.getRawQuery() == null ? "?" : "&";
        return new Started(URI.create(authorization + separator + form(query)),
                String.join(".", state, nonce, verifier));
    }

    /**
     * Finishes a sign-in the provider sent back: checks its state against the browser's cookie and trades the code
     * (with the PKCE verifier and the client's credentials) for the ID token.
     */
    public Finished finish(String code, String state, String flowCookie, URI dashboardBase) {
        String[] flow = flowCookie == null ? new String[0] : flowCookie.split("\\.");
        if (flow.length != 3) {
            throw new SignInFailed("this browser did not start the sign-in, or took longer than "
                    + FLOW_TTL.toMinutes() + " minutes: start it again");
        }
        if (state == null || !MessageDigest.isEqual(flow[0].getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            throw new SignInFailed("the provider's answer belongs to another sign-in (state differs): start it again");
        }
        if (code == null || code.isBlank()) {
            throw new SignInFailed("the provider sent no authorization code");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri(dashboardBase));
        form.put("code_verifier", flow[2]);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoints().token()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        Optional<String> secret = config.clientSecret().filter(s -> !s.isBlank());
        if (secret.isPresent()) {
            String credentials = encode(config.clientId().orElseThrow()) + ":" + encode(secret.get());
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", config.clientId().orElseThrow());
        }
        JsonNode answer = call(request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build(),
                "its token endpoint");
        String idToken = answer.path("id_token").asText("");
        if (idToken.isBlank()) {
            throw new SignInFailed("the provider's token endpoint answered without an id_token (is 'openid' among the"
                    + " scopes, AEGIS_OIDC_SCOPES?)");
        }
        return new Finished(idToken, flow[1]);
    }

    private String redirectUri(URI dashboardBase) {
        return config.redirectUri().map(URI::toString)
                .orElseGet(() -> dashboardBase.toString().replaceAll("/+$", "") + "/" + CALLBACK_PATH);
    }

    /** Read once; a failed read is tried again on the next sign-in. */
    private Endpoints endpoints() {
        Endpoints current = endpoints;
        if (current == null) {
            String issuer = config.issuer().orElseThrow().toString().replaceAll("/+$", "");
            JsonNode discovery = call(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(),
                    "its discovery document");
            String authorization = discovery.path("authorization_endpoint").asText("");
            String token = discovery.path("token_endpoint").asText("");
            if (authorization.isBlank() || token.isBlank()) {
                throw new SignInFailed("the discovery document of " + issuer + " names no authorization_endpoint or"
                        + " token_endpoint");
            }
            current = new Endpoints(URI.create(authorization), URI.create(token));
            endpoints = current;
        }
        return current;
    }

    private JsonNode call(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SignInFailed("the OIDC provider could not be reached for " + what + " (" + request.uri().getHost()
                    + "): " + e.getClass().getSimpleName() + "; try again, or check AEGIS_OIDC_ISSUER");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInFailed("interrupted while asking the OIDC provider");
        }
        JsonNode body;
        try {
            body = EventCodec.mapper().readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (response.statusCode() != 200 || body == null || !body.isObject()) {
            String said = body == null ? "" : body.path("error_description").asText(body.path("error").asText(""));
            throw new SignInFailed("the OIDC provider answered " + response.statusCode() + " for " + what
                    + (said.isBlank() ? "" : ": " + Texts.shown(said, 200)));
        }
        return body;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 256 random bits, base64url (43 characters: a valid PKCE verifier on its own). */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
