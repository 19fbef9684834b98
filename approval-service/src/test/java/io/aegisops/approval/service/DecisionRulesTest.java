package io.aegisops.approval.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision.Kind;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What each kind of decision must and must not carry. */
class DecisionRulesTest {

    private static final Set<Action> OVERRIDES = EnumSet.of(Action.RESTART, Action.STOP, Action.START);

    private static InvalidRequestException refused(Decision decision) {
        return catchThrowableOfType(InvalidRequestException.class, () -> DecisionRules.check(decision, OVERRIDES));
    }

    private static void accepted(Decision decision) {
        assertThatCode(() -> DecisionRules.check(decision, OVERRIDES)).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptEachKindWithWhatItNeeds() {
        accepted(new Decision(Kind.APPROVE, null, "alice", null, null));
        accepted(new Decision(Kind.APPROVE, null, "alice", "looks right", null));
        accepted(new Decision(Kind.REJECT, null, "bob", "not during the sale", null));
        accepted(new Decision(Kind.OVERRIDE, Action.STOP, "carol", null, null));
        accepted(new Decision(Kind.REQUEST_CHANGES, null, "dave", null, "look at the cache"));
        accepted(new Decision(Kind.REQUEST_CHANGES, Action.START, "dave", null, "it is stopped, start it"));
    }

    @Test
    void shouldRequireAReasonForARejection() {
        assertThat(refused(new Decision(Kind.REJECT, null, "bob", " ", null)).violations())
                .containsExactly(new ApiError.Violation("reason", "is required"));
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"SCALE_UP", "ROLLBACK", "NOOP", "ESCALATE"})
    void shouldOnlyOverrideToAnActionAHumanMayChoose(Action action) {
        assertThat(refused(new Decision(Kind.OVERRIDE, action, "carol", null, null)).getMessage())
                .isEqualTo("action '" + action + "' is not one of the actions a human may choose: " + OVERRIDES);
        assertThat(refused(new Decision(Kind.REQUEST_CHANGES, action, "dave", null, "x")).violations())
                .extracting(ApiError.Violation::field).containsExactly("action");
    }

    @Test
    void shouldRequireAnActionToOverrideAndFeedbackToRequestChanges() {
        assertThat(refused(new Decision(Kind.OVERRIDE, null, "carol", null, null)).getMessage())
                .isEqualTo("action is required");
        assertThat(refused(new Decision(Kind.REQUEST_CHANGES, null, "dave", null, null)).getMessage())
                .isEqualTo("feedback is required");
    }

    @Test
    void shouldNameEveryProblemAtOnce() {
        assertThat(refused(new Decision(Kind.APPROVE, Action.STOP, "", null, "why not")).violations())
                .extracting(ApiError.Violation::field).containsExactly("actor", "action", "feedback");
        assertThat(refused(new Decision(null, null, "x".repeat(129), null, null)).violations())
                .extracting(ApiError.Violation::field).containsExactly("actor", "decision");
    }

    @Test
    void shouldKeepExpireForTheTimeout() {
        assertThat(refused(new Decision(Kind.EXPIRE, null, "mallory", null, null)).getMessage())
                .contains("EXPIRE is reserved to the approval timeout");
    }
}
