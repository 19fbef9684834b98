package io.aegisops.kit.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The keys that fence the event bus: approval-service holds the private key and signs every decision it publishes;
 * the services that follow decisions hold only the public key, so none of them (nor anything else on the Kafka
 * network) can produce a decision another service would believe.
 */
@ConfigMapping(prefix = "aegis.signing")
public interface SigningConfig {

    /** Base64 of the PKCS#8 DER Ed25519 private key ({@code AEGIS_SIGNING_PRIVATE_KEY}); approval-service only. */
    Optional<String> privateKey();

    /** Base64 of the X.509 DER Ed25519 public key ({@code AEGIS_SIGNING_PUBLIC_KEY}). */
    Optional<String> publicKey();

    /** The CloudEvents source a signed decision must carry: the one producer decisions may come from. */
    @WithDefault("/aegisops/approval-service")
    String signer();
}
