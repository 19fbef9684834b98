package io.aegisops.kit.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a bearer token into a Quarkus {@link SecurityIdentity}: the principal's name, the roles its role grants
 * ({@link Roles#granted}), how it authenticated (attribute {@value #VIA}) and the token itself as its credential, so
 * the dashboard can call other services as the same person. An unknown token fails authentication (401); an
 * identity owner that cannot answer is {@link IdentityUnavailableException} (503).
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The identity attribute naming how the caller authenticated ({@link VerifiedCaller#via()}). */
    public static final String VIA = "aegis.via";

    private final TokenCache tokens;

    public TokenIdentityProvider(TokenCache tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            VerifiedCaller caller = tokens.verify(request.getToken().getToken())
                    .orElseThrow(() -> new AuthenticationFailedException(
                            "the token is unknown, expired or revoked"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(caller.name()))
                    .addRoles(Roles.granted(caller.role()))
                    .addCredential(request.getToken())
                    .addAttribute(VIA, caller.via())
                    .build();
        });
    }
}
