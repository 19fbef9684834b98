package io.aegisops.approval.support;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OIDC provider as far as approval-service can tell, at the HTTP edge: the discovery document and the JWKS of a key
 * pair made for the run, and tokens signed with it (or with a key it does not publish). Counts key fetches, so a test
 * can see the keys are cached.
 */
public class OidcStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "aegisops";
    private static RsaJsonWebKey key;
    private static RsaJsonWebKey foreignKey;
    private static String issuer;
    private static final AtomicInteger KEY_FETCHES = new AtomicInteger();
    private HttpServer server;

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
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/aegis";
        server.createContext("/realms/aegis/.well-known/openid-configuration", exchange -> reply(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}"));
        server.createContext("/realms/aegis/protocol/openid-connect/certs", exchange -> {
            KEY_FETCHES.incrementAndGet();
            reply(exchange, new JsonWebKeySet(key).toJson());
        });
        server.start();
        return Map.of("aegis.oidc.issuer", issuer,
                "aegis.oidc.client-id", CLIENT_ID,
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

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
