package io.aegisops.buggy.client;

import io.aegisops.contract.AppAlert;

/**
 * One delivery attempt of one alert. Separate from the {@link AlertDispatcher} so the queueing, retry and
 * logging rules can be tested with a fake transport that fails, hangs or succeeds on demand.
 */
@FunctionalInterface
public interface AlertTransport {

    /** Delivers or throws; must give up on its own within its timeouts. */
    void send(AppAlert alert) throws Exception;
}
