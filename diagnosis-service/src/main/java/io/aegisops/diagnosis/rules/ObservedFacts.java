package io.aegisops.diagnosis.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Investigation;

import java.util.List;
import java.util.Objects;

/**
 * An investigation's facts as one JSON object by fact name, the shape {@link MetricCondition} already tests, so a
 * rule's {@code facts:} conditions read exactly like its {@code metrics:} ones ({@code oomKilled == true}).
 */
final class ObservedFacts {

    private ObservedFacts() {
    }

    /** @return null without an investigation, so fact conditions fail instead of matching on nothing */
    static ObjectNode of(Investigation investigation) {
        if (investigation == null) {
            return null;
        }
        ObjectNode values = EventCodec.mapper().createObjectNode();
        investigation.valuesByName().forEach((name, value) -> values.set(name, value));
        return values;
    }

    /** The ids of the facts a rule's fact conditions read, in condition order: what the conclusion cites. */
    static List<String> citedBy(Rule rule, Investigation investigation) {
        if (investigation == null) {
            return List.of();
        }
        return rule.when().facts().stream()
                .map(condition -> investigation.factNamed(condition.name()).map(f -> f.id()).orElse(null))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
