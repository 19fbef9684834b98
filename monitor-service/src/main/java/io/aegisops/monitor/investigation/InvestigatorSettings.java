package io.aegisops.monitor.investigation;

import io.aegisops.monitor.docker.DockerConfig;

import java.time.Duration;

/**
 * What {@link Investigator} needs from two config mappings, as one value so tests build an investigator without
 * booting Quarkus.
 *
 * @param engineEnabled false when monitor has no engine to read ({@code aegis.docker.enabled=false})
 * @param logTail       log lines to read ({@code aegis.docker.log-tail})
 * @param probeTimeout  budget of the health probe ({@code aegis.docker.health-timeout})
 * @param deadline      budget of the whole gathering ({@code aegis.investigation.deadline})
 */
public record InvestigatorSettings(boolean engineEnabled, int logTail, Duration probeTimeout, Duration deadline) {

    static InvestigatorSettings of(DockerConfig docker, InvestigationConfig investigation) {
        return new InvestigatorSettings(docker.enabled(), docker.logTail(), docker.healthTimeout(),
                investigation.deadline());
    }
}
