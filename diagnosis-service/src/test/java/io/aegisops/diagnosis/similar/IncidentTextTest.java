package io.aegisops.diagnosis.similar;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.IncidentStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The words an incident is embedded in, and how its outcome reads. */
class IncidentTextTest {

    @Test
    void shouldNameTheServiceOnceAndCallItTheServiceInTheCause() {
        String text = IncidentText.of("checkout", "checkout", List.of(AlertType.MEMORY_PRESSURE, AlertType.OOM_KILLED),
                "checkout was killed by the out-of-memory killer; checkout-db is fine.", Action.RESTART);

        assertThat(text).isEqualTo("Service checkout. Alert types: memory pressure, oom killed. Root cause: the "
                + "service was killed by the out-of-memory killer; checkout-db is fine. Action: RESTART.");
    }

    @Test
    void shouldAddTheDecidingAlertsLineAndTheOutcomeToAStoredText() {
        String stored = IncidentText.stored("Service checkout. Root cause: x. Action: RESTART.", "checkout", "checkout",
                List.of("corroboration: the CRASH claim is corroborated (F1)", "fact F1 (engine.inspect): State: exited",
                        "CRASH (DOCKER_EVENT): checkout exited with code 1", "runbook: Crash loop — Verify"),
                "fixed by RESTART, approved by alice");

        assertThat(stored).isEqualTo("Service checkout. Root cause: x. Action: RESTART. Evidence: CRASH (DOCKER_EVENT): "
                + "the service exited with code 1. Outcome: fixed by RESTART, approved by alice.");
    }

    @Test
    void shouldSayWhatFixedAnIncidentAndWhoDecided() {
        assertThat(new Outcome(IncidentStatus.RESOLVED, Action.RESTART, Action.RESTART, null, null).summary())
                .isEqualTo("fixed by RESTART, decided automatically");
        assertThat(new Outcome(IncidentStatus.RESOLVED, Action.STOP, Action.RESTART, ApprovalDecision.Kind.OVERRIDE,
                "alice").summary()).isEqualTo("fixed by STOP, overridden by alice (proposed RESTART)");
        assertThat(new Outcome(IncidentStatus.RESOLVED, Action.ESCALATE, Action.ESCALATE, null, null).summary())
                .isEqualTo("resolved after ESCALATE, left to a person");
        Outcome rejected = new Outcome(IncidentStatus.REJECTED, Action.RESTART, Action.RESTART,
                ApprovalDecision.Kind.REJECT, "bob");
        assertThat(rejected.summary()).isEqualTo("RESTART rejected by bob");
        assertThat(rejected.closing()).isEqualTo("rejected by bob");
        assertThat(new Outcome(IncidentStatus.RESOLVED, Action.RESTART, Action.RESTART, ApprovalDecision.Kind.APPROVE,
                "alice").closing()).isEqualTo("resolved, approved by alice");
    }
}
