package io.aegisops.testsupport;

import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Signs events as approval-service does, with the test key pair of this module's microprofile-config.properties, so
 * a test can publish a decision the services under test believe; an event not passed through here is a forgery.
 */
public final class SignedEvents {

    /** The test private key; the services under test hold its public half. */
    public static final String TEST_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIGOGkxO/qjDSgScExSyycydHEfm2Yjoezpd3wm9LHThV";

    private SignedEvents() {
    }

    public static CloudEvent sign(CloudEvent event) {
        return sign(event, TEST_PRIVATE_KEY);
    }

    /** @param privateKey base64 PKCS#8 DER Ed25519 key */
    public static CloudEvent sign(CloudEvent event, String privateKey) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
            signature.update(EventCodec.signedContent(event));
            return event.signed(Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the test event: " + e.getMessage(), e);
        }
    }
}
