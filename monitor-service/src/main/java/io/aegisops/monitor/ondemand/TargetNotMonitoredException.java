package io.aegisops.monitor.ondemand;

import io.aegisops.contract.Labels;

/**
 * No opted-in container has the name or service a question named. Separate from "the engine did not answer", which is
 * not the asker's mistake.
 */
public class TargetNotMonitoredException extends RuntimeException {

    public TargetNotMonitoredException(String target) {
        super("target '" + target + "' is not monitored: no container named " + target + " or of service " + target
                + " carries the label " + Labels.ENABLE + "=true, which opts a container in");
    }
}
