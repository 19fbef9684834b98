package io.aegisops.monitor.investigation;

import io.aegisops.contract.ToolCall;
import io.aegisops.monitor.docker.DockerClients;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The investigator without an engine to read: it still completes, and says why it observed nothing. */
class InvestigatorTest {

    @Test
    void shouldObserveNothingAndSaySoWhenTheEngineIsNotConfigured() {
        Investigator investigator = new Investigator(DockerClients.create("tcp://127.0.0.1:1"),
                new InvestigatorSettings(false, 20, Duration.ofSeconds(1), Duration.ofSeconds(3)));

        Findings findings = investigator.investigate("svc", null, false);

        assertThat(findings.facts()).isEmpty();
        assertThat(findings.toolCalls()).extracting(ToolCall::outcome).singleElement()
                .satisfies(outcome -> assertThat(outcome).contains("not configured"));
        investigator.stop();
    }

    @Test
    void shouldTurnAnUnreachableEngineIntoAToolCallOutcome() {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        Investigator investigator = new Investigator(DockerClients.create("tcp://127.0.0.1:1"),
                new InvestigatorSettings(true, 20, Duration.ofSeconds(1), Duration.ofSeconds(3)));

        Findings findings = investigator.investigate("svc", null, false);

        assertThat(findings.container()).isNull();
        assertThat(findings.facts()).isEmpty();
        assertThat(findings.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.tool()).isEqualTo("list");
            assertThat(call.outcome()).startsWith("failed: ");
        });
        investigator.stop();
    }
}
