package io.aegisops.monitor.postmortem;

import io.aegisops.contract.IncidentStatus;

import java.util.UUID;

/**
 * A postmortem was asked for an incident that has not closed: its story is not over, so there is nothing to write
 * up yet. A type of its own so the resource answers 409 for this and nothing else.
 */
public class IncidentStillOpenException extends RuntimeException {

    private final IncidentStatus status;

    public IncidentStillOpenException(UUID incidentId, IncidentStatus status) {
        super("incident " + incidentId + " is still " + status
                + ": a postmortem is written once it is RESOLVED or REJECTED");
        this.status = status;
    }

    public IncidentStatus status() {
        return status;
    }
}
