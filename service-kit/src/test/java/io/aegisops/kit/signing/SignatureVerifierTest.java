package io.aegisops.kit.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bus fence on its own: what approval-service signs passes; anything forged, altered or replayed does not. */
class SignatureVerifierTest {

    private static final String APPROVAL = "/aegisops/approval-service";

    private final KeyPair approvalKeys = generate();
    private final EventSigner signer = new EventSigner(config(approvalKeys));
    private final SignatureVerifier verifier = new SignatureVerifier(config(approvalKeys));

    @Test
    void shouldBelieveASignedDecisionAfterItsRoundTripThroughTheCodec() {
        CloudEvent signed = signer.sign(decision(APPROVAL));

        CloudEvent read = EventCodec.decode(EventCodec.encode(signed));

        assertThat(read.signature()).isEqualTo(signed.signature());
        assertThat(verifier.problem(read)).isEmpty();
    }

    @Test
    void shouldRefuseAnUnsignedDecisionEvenFromTheRightSource() {
        assertThat(verifier.problem(decision(APPROVAL))).contains("it carries no signature");
    }

    @Test
    void shouldRefuseADecisionSignedWithAnotherKey() {
        CloudEvent forged = new EventSigner(config(generate())).sign(decision(APPROVAL));

        assertThat(verifier.problem(forged)).hasValueSatisfying(why -> assertThat(why).contains("does not match"));
    }

    @Test
    void shouldRefuseASignedDecisionWhoseDataWasChanged() {
        CloudEvent signed = signer.sign(decision(APPROVAL));
        ObjectNode data = signed.data().deepCopy();
        data.put("decision", "OVERRIDE").put("action", "STOP");
        CloudEvent altered = new CloudEvent(signed.specversion(), signed.id(), signed.source(), signed.type(),
                signed.incidentid(), signed.subject(), signed.time(), signed.datacontenttype(), data, signed.signature());

        assertThat(verifier.problem(altered)).hasValueSatisfying(why -> assertThat(why).contains("does not match"));
    }

    @Test
    void shouldRefuseAGenuineSignatureReplayedUnderAnotherEventIdOrIncident() {
        CloudEvent signed = signer.sign(decision(APPROVAL));
        CloudEvent otherId = new CloudEvent(signed.specversion(), "another-id", signed.source(), signed.type(),
                signed.incidentid(), signed.subject(), signed.time(), signed.datacontenttype(), signed.data(),
                signed.signature());
        CloudEvent otherIncident = new CloudEvent(signed.specversion(), signed.id(), signed.source(), signed.type(),
                "another-incident", signed.subject(), signed.time(), signed.datacontenttype(), signed.data(),
                signed.signature());

        assertThat(verifier.problem(otherId)).isPresent();
        assertThat(verifier.problem(otherIncident)).isPresent();
    }

    @Test
    void shouldRefuseADecisionFromAnotherSourceWhateverItsSignature() {
        CloudEvent signed = signer.sign(decision("/aegisops/e2e-tests"));

        assertThat(verifier.problem(signed)).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("it comes from /aegisops/e2e-tests, and decisions come only from " + APPROVAL));
    }

    @Test
    void shouldRefuseASignatureThatIsNotBase64OrNotASignature() {
        assertThat(verifier.problem(decision(APPROVAL).signed("%%%"))).contains("its signature is not base64");
        assertThat(verifier.problem(decision(APPROVAL).signed("AAAA"))).isPresent();
    }

    @Test
    void shouldNameTheVariableButNeverTheValueWhenAKeyIsMissingOrUnreadable() {
        SignatureVerifier missing = new SignatureVerifier(new Keys(null, null));
        SignatureVerifier unreadable = new SignatureVerifier(new Keys(null, "bm90IGEga2V5IGF0IGFsbA=="));

        assertThatThrownBy(missing::checkKey).hasMessageContaining("AEGIS_SIGNING_PUBLIC_KEY (aegis.signing.public-key) is not set");
        assertThatThrownBy(unreadable::checkKey).hasMessageContaining("AEGIS_SIGNING_PUBLIC_KEY")
                .hasMessageNotContaining("bm90IGEga2V5IGF0IGFsbA==");
        assertThatThrownBy(new EventSigner(new Keys(null, null))::checkKey)
                .hasMessageContaining("AEGIS_SIGNING_PRIVATE_KEY (aegis.signing.private-key) is not set");
    }

    private static CloudEvent decision(String source) {
        return EventCodec.create(source, EventTypes.APPROVAL_DECIDED, "incident-1", "checkout",
                Map.of("requestId", "request-1", "incidentId", "incident-1", "decision", "APPROVE", "actor", "alice"));
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SigningConfig config(KeyPair keys) {
        return new Keys(Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
    }

    private record Keys(String privateKeyValue, String publicKeyValue) implements SigningConfig {
        @Override
        public Optional<String> privateKey() {
            return Optional.ofNullable(privateKeyValue);
        }

        @Override
        public Optional<String> publicKey() {
            return Optional.ofNullable(publicKeyValue);
        }

        @Override
        public String signer() {
            return APPROVAL;
        }
    }
}
