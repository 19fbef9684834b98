package io.aegisops.kit.signing;

import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.Optional;

/**
 * Tells a decision approval-service produced from one anybody else put on the bus: the event must come from the
 * signer's source and carry a valid Ed25519 signature over its content by the signer's key. Anything else (unsigned,
 * signed by another key, altered after signing, replayed under another id) is refused with the reason.
 */
@ApplicationScoped
public class SignatureVerifier {

    static final String VARIABLE = "AEGIS_SIGNING_PUBLIC_KEY (aegis.signing.public-key)";

    private final SigningConfig config;
    private volatile PublicKey key;

    public SignatureVerifier(SigningConfig config) {
        this.config = config;
    }

    /** @return why the event is not to be believed; empty when it is genuine */
    public Optional<String> problem(CloudEvent event) {
        if (!config.signer().equals(event.source())) {
            return Optional.of("it comes from " + describe(event.source()) + ", and decisions come only from "
                    + config.signer());
        }
        if (event.signature() == null || event.signature().isBlank()) {
            return Optional.of("it carries no signature");
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(event.signature());
        } catch (IllegalArgumentException e) {
            return Optional.of("its signature is not base64");
        }
        try {
            Signature signature = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signature.initVerify(key());
            signature.update(EventCodec.signedContent(event));
            return signature.verify(claimed) ? Optional.empty()
                    : Optional.of("its signature does not match its content and approval-service's key");
        } catch (SignatureException e) {
            return Optional.of("its signature is malformed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not check the signature of event " + event.id() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Fails now, naming the variable, when the key is missing or unreadable. */
    public void checkKey() {
        key();
    }

    private PublicKey key() {
        PublicKey current = key;
        if (current == null) {
            current = Ed25519Keys.publicKey(config.publicKey(), VARIABLE);
            key = current;
        }
        return current;
    }

    private static String describe(String source) {
        return source == null ? "no source" : ClaimedDecision.shown(source);
    }
}
