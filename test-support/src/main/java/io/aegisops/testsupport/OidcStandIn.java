package io.aegisops.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OIDC provider (Keycloak-shaped) at the HTTP edge, for the services that talk to one: the discovery document, the
 * JWKS of a key pair made for the run, and tokens signed with it (or with a key it does not publish). For the
 * dashboard's sign-in it also plays the authorization-code flow with PKCE as a provider must: {@code /auth} checks the
 * request and answers the redirect with a one-time code (the user is whoever the test names in {@code stand_in_user}
 * and {@code stand_in_roles}, as if they had typed their password; {@code stand_in_deny=1} declines), {@code /token}
 * accepts the code once, from this client with its secret, for the same redirect URI and the verifier whose S256 is
 * the challenge, and answers an ID token carrying the nonce. Counts key fetches and token requests, and keeps why it
 * last refused one, so a test can see what the client really sent.
 */
public class OidcStandIn implements QuarkusTestResourceLifecycleManager {

    /** Init arg naming the service under test: {@code dashboard} (the client) or, by default, approval-service. */
    public static final String FOR = "for";
    public static final String CLIENT_ID = "aegisops";
    public static final String CLIENT_SECRET = "stand-in-client-secret";
    private static final String REALM = "/realms/aegis";
    private static final String PROTOCOL = REALM + "/protocol/openid-connect";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static RsaJsonWebKey key;
    private static RsaJsonWebKey foreignKey;
    private static String issuer;
    private static final AtomicInteger KEY_FETCHES = new AtomicInteger();
    private static final AtomicInteger TOKEN_REQUESTS = new AtomicInteger();
    private static final AtomicInteger TOKEN_REFUSALS = new AtomicInteger();
    private static final AtomicReference<String> LAST_REFUSAL = new AtomicReference<>("");
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private HttpServer server;
    private boolean forDashboard;

    /** What a code was issued for. */
    private record Grant(String redirectUri, String challenge, String nonce, String user, String[] roles) {
    }

    @Override
    public void init(Map<String, String> initArgs) {
        forDashboard = "dashboard".equals(initArgs.get(FOR));
    }

    @Override
    public Map<String, String> start() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("run-key");
            foreignKey = RsaJwkGenerator.generateJwk(2048);
            foreignKey.setKeyId("run-key");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JoseException | IOException e) {
            throw new IllegalStateException("could not start the OIDC stand-in", e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + PROTOCOL;
        server.createContext(REALM + "/.well-known/openid-configuration", exchange -> reply(exchange, 200,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + base + "/certs\",\"authorization_endpoint\":\""
                        + base + "/auth\",\"token_endpoint\":\"" + base + "/token\","
                        + "\"code_challenge_methods_supported\":[\"S256\"]}"));
        server.createContext(PROTOCOL + "/certs", exchange -> {
            KEY_FETCHES.incrementAndGet();
            reply(exchange, 200, new JsonWebKeySet(key).toJson());
        });
        server.createContext(PROTOCOL + "/auth", this::authorize);
        server.createContext(PROTOCOL + "/token", this::token);
        server.start();
        // Each service is given only the keys it maps: an unknown aegis.oidc key stops Quarkus.
        return forDashboard
                ? Map.of("aegis.oidc.issuer", issuer, "aegis.oidc.client-id", CLIENT_ID,
                        "aegis.oidc.client-secret", CLIENT_SECRET)
                : Map.of("aegis.oidc.issuer", issuer, "aegis.oidc.client-id", CLIENT_ID,
                        "aegis.oidc.roles-claim", "realm_access/roles",
                        "aegis.oidc.role-mapping", "sre=approver,aegis-admins=admin");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static String issuer() {
        return issuer;
    }

    public static int keyFetches() {
        return KEY_FETCHES.get();
    }

    public static int tokenRequests() {
        return TOKEN_REQUESTS.get();
    }

    /** Token requests refused so far. */
    public static int tokenRefusals() {
        return TOKEN_REFUSALS.get();
    }

    /** Why the token endpoint last refused a request ({@code ""} when it never did). */
    public static String lastRefusal() {
        return LAST_REFUSAL.get();
    }

    /** Claims as the provider would issue them: this issuer, audience the client, valid for five minutes. */
    public static JwtClaims claims(String user, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(CLIENT_ID);
        claims.setSubject("sub-" + user);
        claims.setClaim("preferred_username", user);
        claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        return claims;
    }

    /** An ID token of a sign-in that sent {@code nonce}. */
    public static String idToken(String nonce, String user, String... roles) {
        JwtClaims claims = claims(user, roles);
        claims.setClaim("nonce", nonce);
        return sign(claims);
    }

    public static String sign(JwtClaims claims) {
        return sign(claims, key);
    }

    /** Signed with a key of the same id that the provider does not publish: a forgery. */
    public static String signWithForeignKey(JwtClaims claims) {
        return sign(claims, foreignKey);
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey with) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(with.getPrivateKey());
        jws.setKeyIdHeaderValue(with.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirect = query.getOrDefault("redirect_uri", "");
        String problem = !"code".equals(query.get("response_type")) ? "response_type must be code"
                : !CLIENT_ID.equals(query.get("client_id")) ? "unknown client_id " + query.get("client_id")
                : !redirect.startsWith("http") ? "redirect_uri is missing"
                : !Arrays.asList(query.getOrDefault("scope", "").split(" ")).contains("openid") ? "scope lacks openid"
                : !"S256".equals(query.get("code_challenge_method")) ? "PKCE with S256 is required"
                : query.getOrDefault("code_challenge", "").length() < 43 ? "code_challenge is missing or short"
                : query.getOrDefault("state", "").isBlank() ? "state is missing"
                : query.getOrDefault("nonce", "").isBlank() ? "nonce is missing" : null;
        if (problem != null) {
            reply(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"" + problem + "\"}");
            return;
        }
        String state = URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        String location;
        if ("1".equals(query.get("stand_in_deny"))) {
            location = redirect + "?error=access_denied&error_description=The+user+declined&state=" + state;
        } else {
            String code = random();
            grants.put(code, new Grant(redirect, query.get("code_challenge"), query.get("nonce"),
                    query.getOrDefault("stand_in_user", "alice"),
                    query.getOrDefault("stand_in_roles", "sre").split(",")));
            location = redirect + "?code=" + code + "&state=" + state;
        }
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        TOKEN_REQUESTS.incrementAndGet();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Grant grant = form.containsKey("code") ? grants.remove(form.get("code")) : null;
        String problem = !"POST".equals(exchange.getRequestMethod()) ? "the token endpoint takes POST"
                : !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                ? "client authentication (client_secret_basic) failed"
                : !"authorization_code".equals(form.get("grant_type")) ? "grant_type must be authorization_code"
                : grant == null ? "unknown or already used code"
                : !grant.redirectUri().equals(form.get("redirect_uri")) ? "redirect_uri differs from the request's"
                : !s256(form.getOrDefault("code_verifier", "")).equals(grant.challenge())
                ? "code_verifier does not match the code_challenge" : null;
        if (problem != null) {
            LAST_REFUSAL.set(problem);
            TOKEN_REFUSALS.incrementAndGet();
            reply(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + problem + "\"}");
            return;
        }
        String idToken = idToken(grant.nonce(), grant.user(), grant.roles());
        reply(exchange, 200, "{\"access_token\":\"" + idToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"id_token\":\"" + idToken + "\"}");
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
