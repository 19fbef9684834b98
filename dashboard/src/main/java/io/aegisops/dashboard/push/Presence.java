package io.aegisops.dashboard.push;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in the war room: the authenticated names behind the open streams (a page cannot choose the name it is
 * shown under; {@link StreamResource} takes it from the identity). One person with two tabs counts once and leaves
 * when their last tab closes. In memory on purpose: presence is about this moment, and a restart drops every
 * stream anyway (pages reconnect and announce themselves again).
 */
@ApplicationScoped
public class Presence {

    private final Map<String, String> nameByStream = new ConcurrentHashMap<>();

    /** @return true when this is the name's first open stream (the person arrived) */
    public synchronized boolean join(String streamId, String name) {
        boolean first = !nameByStream.containsValue(name);
        nameByStream.put(streamId, name);
        return first;
    }

    /** @return the name when this was its last open stream (the person left) */
    public synchronized Optional<String> leave(String streamId) {
        String name = nameByStream.remove(streamId);
        if (name == null || nameByStream.containsValue(name)) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Names online, sorted, each once. */
    public List<String> users() {
        return nameByStream.values().stream().distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }
}
