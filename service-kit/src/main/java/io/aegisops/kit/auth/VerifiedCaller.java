package io.aegisops.kit.auth;

/**
 * Who a credential belongs to, as the identity owner (approval-service) vouches for it.
 *
 * @param name the principal's name: what approvals, comments and resolves record as the actor
 * @param role its role ({@link Roles})
 * @param via  how it authenticated: {@code api-token} or {@code session} (a dashboard login)
 */
public record VerifiedCaller(String name, String role, String via) {
}
