package io.aegisops.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of the outbox relay. Defaults suit a single-node demo; raise batch-size under load. */
@ConfigMapping(prefix = "aegis.outbox")
public interface OutboxConfig {

    /** The safety-net poll: catches events whose commit-time wake-up was lost (crash, Kafka down). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events sent per transaction. */
    @WithDefault("100")
    int batchSize();

    /** How long to wait for Kafka to acknowledge a batch before leaving it for the next attempt. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Published events older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
