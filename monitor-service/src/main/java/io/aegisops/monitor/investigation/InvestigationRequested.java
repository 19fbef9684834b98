package io.aegisops.monitor.investigation;

import java.util.UUID;

/**
 * CDI event fired when a transaction asks for an investigation. Observed after a successful commit, so the runner
 * never gathers for an alert that was rolled back and never reads inside the alert's transaction; the sweep remains
 * the safety net for a wake-up that is lost.
 *
 * @param id the investigation
 */
public record InvestigationRequested(UUID id) {
}
