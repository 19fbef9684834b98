package io.aegisops.monitor.investigation;

import com.github.dockerjava.api.model.Container;
import io.aegisops.contract.Labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The opted-in containers the investigator's latest lists showed, by container id. Exists so that the next
 * investigation of a target can start reading the container it will most likely pick while the engine is still
 * answering the list, instead of after it: the list is the one read every other read waited for. What is remembered
 * is only a guess; the fresh list always decides which container is investigated, and reads started on a guess the
 * list does not confirm are discarded.
 *
 * <p>Bounded (least recently listed first out), thread-safe, never persisted: after a restart the first
 * investigation of each target simply reads in two steps again.
 */
final class RecentContainers {

    private final int capacity;
    private final Map<String, Container> byId;

    RecentContainers(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.byId = new LinkedHashMap<>();
    }

    /** Remembers the opted-in containers of a list, replacing what an earlier list said of the same ids. */
    synchronized void remember(List<Container> listed) {
        for (Container container : listed) {
            if (container.getId() != null && Labels.isEnabled(container.getLabels())) {
                byId.remove(container.getId());
                byId.put(container.getId(), container);
            }
        }
        while (byId.size() > capacity) {
            byId.remove(byId.keySet().iterator().next());
        }
    }

    /** The container the investigator would pick for {@code target} if the engine still showed what it last did. */
    synchronized Optional<Container> guess(String target, String preferred) {
        return Investigator.choose(List.copyOf(byId.values()), target, preferred);
    }

    synchronized int size() {
        return byId.size();
    }
}
