package io.aegisops.monitor.ondemand;

import io.aegisops.monitor.investigation.InvestigationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Semaphore;

/**
 * Caps the on-demand investigations gathered at once ({@code aegis.investigation.on-demand.concurrency}). Exists
 * because each one holds a request thread and several engine reads for up to the deadline: past the cap a request is
 * refused at once (429) instead of queuing behind the others, and incident investigations keep their own pool.
 */
@ApplicationScoped
public class OnDemandGate {

    private final Semaphore permits;

    public OnDemandGate(InvestigationConfig config) {
        this.permits = new Semaphore(config.onDemand().concurrency());
    }

    /** @return true when a place was taken; then {@link #leave()} must follow */
    public boolean tryEnter() {
        return permits.tryAcquire();
    }

    public void leave() {
        permits.release();
    }
}
