package io.aegisops.monitor.investigation;

import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Fact;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts of one investigation as they are gathered. Exists so every fact gets its id ({@code F1}, {@code F2}…)
 * in one place, in gathering order: diagnoses cite these ids, so they must be unique and stable.
 */
final class FactList {

    static final String INSPECT = "engine.inspect";
    static final String LOGS = "engine.logs";
    static final String STATS = "engine.stats";
    static final String PROBE = "health.probe";

    private final List<Fact> facts = new ArrayList<>();

    /** Adds a fact; {@code value} is anything Jackson writes (number, boolean, text, list of lines). */
    void add(String name, String source, String summary, Object value, OffsetDateTime observedAt) {
        facts.add(new Fact("F" + (facts.size() + 1), name, source, summary, EventCodec.mapper().valueToTree(value),
                observedAt));
    }

    List<Fact> list() {
        return List.copyOf(facts);
    }
}
