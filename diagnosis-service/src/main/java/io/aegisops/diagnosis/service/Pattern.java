package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;

/**
 * What a human decision is about, generalised so that it teaches something about the next incident: this
 * service, this kind of trouble (the alert type that decided), this remedy.
 */
public record Pattern(String service, AlertType alertType, Action action) {

    /** "checkout, LATENCY → RESTART" */
    public String describe() {
        return service + ", " + alertType + " → " + action;
    }
}
