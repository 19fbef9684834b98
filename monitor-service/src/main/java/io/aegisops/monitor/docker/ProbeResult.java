package io.aegisops.monitor.docker;

import java.util.List;

/**
 * The outcome of one active health probe.
 *
 * @param healthy    true for a 2xx answer
 * @param statusCode HTTP status, 0 when no answer came
 * @param outcome    short phrase for summaries, e.g. {@code HTTP 500} or {@code connection refused}
 * @param evidence   what a person needs to see: the request, the status and the start of the body, or the error
 */
public record ProbeResult(boolean healthy, int statusCode, String outcome, List<String> evidence) {

    public ProbeResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
