package io.aegisops.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a consumer remembers what it processed, and why that long is enough. */
@ConfigMapping(prefix = "aegis.inbox")
public interface InboxConfig {

    /**
     * How long after processing an event the broker may hand it to a consumer again: what the topics keep
     * (Kafka's {@code log.retention}, 7 days unless the broker says otherwise). A consumer group reset to the earliest
     * offset replays that far back.
     */
    @WithDefault("P7D")
    Duration redeliveryWindow();

    /**
     * {@code processed_event} rows older than this are deleted. At least the redelivery window, or an event the
     * broker still holds could be applied a second time; the service refuses to start otherwise.
     */
    @WithDefault("P14D")
    Duration retention();
}
