package io.aegisops.dashboard.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** An event as the fold reads it: the envelope's id, type, source and time, and its data. */
public record StoredEvent(String id, String type, String source, OffsetDateTime time, JsonNode data) {
}
