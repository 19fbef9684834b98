package io.aegisops.dashboard.push;

/**
 * One server-sent event as the page receives it: {@code {"type": "...", "data": ...}}. One shape for every
 * kind of news, so the page has a single handler that switches on {@code type}.
 *
 * @param type incident, stats, presence, activity, platform, notifications, welcome or ping
 * @param data the payload for that type
 */
public record PushMessage(String type, Object data) {
}
