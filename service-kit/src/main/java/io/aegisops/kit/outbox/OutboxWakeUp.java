package io.aegisops.kit.outbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;

/**
 * Wakes the relay after each commit that wrote to the outbox. A separate bean because the relay cannot be
 * created before Reactive Messaging has wired its channel at start-up, while intakes (Docker events) may
 * already commit then: until start-up is over, commits are left to the relay's first poll.
 */
@ApplicationScoped
public class OutboxWakeUp {

    private final Instance<OutboxRelay> relay;
    private volatile boolean started;

    public OutboxWakeUp(Instance<OutboxRelay> relay) {
        this.relay = relay;
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (started) {
            relay.get().wake();
        }
    }
}
