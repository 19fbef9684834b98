package io.aegisops.dashboard.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The newest Slack notifications with their delivery state, as approval-service reports them.
 *
 * @param items approval-service's {@code /api/notifications} (newest first), null when unavailable
 * @param error why it is unavailable
 */
public record NotificationFeed(JsonNode items, String error) {
}
