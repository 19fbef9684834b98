package io.aegisops.monitor.ondemand;

import java.util.List;

/**
 * What an on-demand investigation concludes, drawn from its facts alone (no language model), so the same facts always
 * give the same answer.
 *
 * @param summary  the answer in a few sentences: the kinds asked about first, then what else was observed, or the
 *                 key figures of a target that looks healthy; fact ids in parentheses
 * @param findings one per fault kind judged, those the question points at first
 */
public record Conclusion(String summary, List<Finding> findings) {

    public Conclusion {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
