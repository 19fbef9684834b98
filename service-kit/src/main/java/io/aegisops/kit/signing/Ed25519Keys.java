package io.aegisops.kit.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the keys as {@code ./aegisops up} writes them ({@code openssl genpkey -algorithm ed25519}, DER, base64). A
 * missing or unreadable key stops the service at start-up with the variable to set, never with the value.
 */
final class Ed25519Keys {

    static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {
    }

    static PrivateKey privateKey(Optional<String> base64, String variable) {
        byte[] der = decode(base64, variable);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw unreadable(variable, "an Ed25519 private key (PKCS#8 DER)");
        }
    }

    static PublicKey publicKey(Optional<String> base64, String variable) {
        byte[] der = decode(base64, variable);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw unreadable(variable, "an Ed25519 public key (X.509 DER)");
        }
    }

    private static byte[] decode(Optional<String> base64, String variable) {
        String value = base64.map(String::strip).filter(v -> !v.isEmpty()).orElseThrow(() ->
                new IllegalStateException(variable + " is not set: approval decisions cannot be signed or checked"
                        + " without it (./aegisops up generates the key pair into .env)"));
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw unreadable(variable, "base64");
        }
    }

    private static IllegalStateException unreadable(String variable, String expected) {
        return new IllegalStateException(variable + " is not " + expected
                + "; generate a pair with ./aegisops up (or openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)");
    }
}
