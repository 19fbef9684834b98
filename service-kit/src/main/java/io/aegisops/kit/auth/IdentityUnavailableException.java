package io.aegisops.kit.auth;

/**
 * The identity owner could not say whose a token is (down, slow, answering nonsense). Distinct from "unknown token":
 * the caller gets a 503 and retries (Alertmanager does), instead of a 401 that would make it drop the alert.
 */
public class IdentityUnavailableException extends RuntimeException {

    public IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
