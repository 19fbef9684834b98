package io.aegisops.monitor.ondemand;

/**
 * The engine could not be asked which containers exist (not configured, or no answer in time), so neither a report
 * nor a "not monitored" could honestly be given.
 */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String why) {
        super("the Docker engine could not be read, so nothing was investigated: " + why);
    }
}
