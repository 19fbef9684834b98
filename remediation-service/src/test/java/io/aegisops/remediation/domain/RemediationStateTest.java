package io.aegisops.remediation.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static io.aegisops.remediation.domain.RemediationState.ACTING;
import static io.aegisops.remediation.domain.RemediationState.AWAITING_APPROVAL;
import static io.aegisops.remediation.domain.RemediationState.CHANGES_REQUESTED;
import static io.aegisops.remediation.domain.RemediationState.ESCALATED;
import static io.aegisops.remediation.domain.RemediationState.NO_ACTION;
import static io.aegisops.remediation.domain.RemediationState.PENDING;
import static io.aegisops.remediation.domain.RemediationState.REJECTED;
import static io.aegisops.remediation.domain.RemediationState.RESOLVED;
import static io.aegisops.remediation.domain.RemediationState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The never-twice state machine: the full transition table, and that nothing leads back to an action. */
class RemediationStateTest {

    private static Set<RemediationState> allowedFrom(RemediationState from) {
        Set<RemediationState> allowed = EnumSet.noneOf(RemediationState.class);
        for (RemediationState to : RemediationState.values()) {
            if (RemediationState.canMove(from, to)) {
                allowed.add(to);
            }
        }
        return allowed;
    }

    @Test
    void shouldStartOnlyInADecision() {
        assertThat(allowedFrom(null)).containsExactlyInAnyOrder(NO_ACTION, ESCALATED, AWAITING_APPROVAL, PENDING);
    }

    @Test
    void shouldAllowExactlyTheDocumentedTransitions() {
        assertThat(allowedFrom(AWAITING_APPROVAL)).containsExactlyInAnyOrder(PENDING, REJECTED, ESCALATED, CHANGES_REQUESTED);
        assertThat(allowedFrom(CHANGES_REQUESTED)).containsExactlyInAnyOrder(NO_ACTION, ESCALATED, AWAITING_APPROVAL, PENDING);
        assertThat(allowedFrom(PENDING)).containsExactly(ACTING);
        assertThat(allowedFrom(ACTING)).containsExactlyInAnyOrder(VERIFYING, ESCALATED);
        assertThat(allowedFrom(VERIFYING)).containsExactlyInAnyOrder(RESOLVED, ESCALATED);
    }

    @ParameterizedTest
    @EnumSource(value = RemediationState.class, names = {"RESOLVED", "ESCALATED", "REJECTED", "NO_ACTION"})
    void shouldEndInTheFinalStates(RemediationState state) {
        assertThat(state.isFinal()).isTrue();
        assertThat(allowedFrom(state)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RemediationState.class)
    void shouldNeverLeadBackToAnIntentOnceTheActionStarted(RemediationState from) {
        if (from == ACTING || from == VERIFYING || from.isFinal()) {
            assertThat(RemediationState.canMove(from, PENDING)).isFalse();
            assertThat(RemediationState.canMove(from, ACTING)).isFalse();
        }
    }

    @Test
    void shouldMarkOnlyActingAndVerifyingAsInFlight() {
        assertThat(EnumSet.allOf(RemediationState.class).stream().filter(RemediationState::isInFlight))
                .containsExactlyInAnyOrder(ACTING, VERIFYING);
    }

    @Test
    void shouldRefuseAnIllegalMoveOfARemediationNamingBothStates() {
        Remediation remediation = new Remediation();
        remediation.id = UUID.randomUUID();
        remediation.state = RESOLVED;

        assertThatThrownBy(() -> remediation.moveTo(ACTING, "again"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot move from RESOLVED to ACTING");
        assertThat(remediation.state).isEqualTo(RESOLVED);
    }

    @Test
    void shouldRecordTheReasonOfALegalMove() {
        Remediation remediation = new Remediation();
        remediation.state = PENDING;

        remediation.moveTo(ACTING, "claimed");

        assertThat(remediation.state).isEqualTo(ACTING);
        assertThat(remediation.reason).isEqualTo("claimed");
    }
}
