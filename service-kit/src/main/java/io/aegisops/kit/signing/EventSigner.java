package io.aegisops.kit.signing;

import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs the events that order an action, with the private key only approval-service holds. The key is read when the
 * first event is signed, so services that never sign need no key.
 */
@ApplicationScoped
public class EventSigner {

    static final String VARIABLE = "AEGIS_SIGNING_PRIVATE_KEY (aegis.signing.private-key)";

    private final SigningConfig config;
    private volatile PrivateKey key;

    public EventSigner(SigningConfig config) {
        this.config = config;
    }

    /** The event with its signature; to be stored (outbox) exactly as returned. */
    public CloudEvent sign(CloudEvent event) {
        try {
            Signature signature = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signature.initSign(key());
            signature.update(EventCodec.signedContent(event));
            return event.signed(Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign event " + event.id() + ": " + e.getMessage(), e);
        }
    }

    /** Fails now, naming the variable, when the key is missing or unreadable. */
    public void checkKey() {
        key();
    }

    private PrivateKey key() {
        PrivateKey current = key;
        if (current == null) {
            current = Ed25519Keys.privateKey(config.privateKey(), VARIABLE);
            key = current;
        }
        return current;
    }
}
