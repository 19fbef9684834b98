package io.aegisops.dashboard.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer of another service: its status (some callers tell 200 from 202 or 507 apart) and its
 * JSON body ({@code NullNode} when it sent none).
 */
public record DownstreamReply(int status, JsonNode body) {
}
