package io.aegisops.buggy.client;

import io.aegisops.contract.AppAlert;

/** Hears what became of each alert, so counters and {@code GET /watch} follow delivery without polling it. */
public interface DeliveryListener {

    void delivered(AppAlert alert, int attempts);

    void failed(AppAlert alert, int attempts, String reason);

    /** The queue was full and this alert, the oldest, made room for a newer one. */
    void dropped(AppAlert alert);

    DeliveryListener NONE = new DeliveryListener() {
        @Override
        public void delivered(AppAlert alert, int attempts) {
        }

        @Override
        public void failed(AppAlert alert, int attempts, String reason) {
        }

        @Override
        public void dropped(AppAlert alert) {
        }
    };
}
