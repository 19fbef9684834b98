package io.aegisops.remediation.service;

import io.aegisops.contract.Action;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The decision table, and nothing else: no I/O, no clock, no database, so every row is a unit test. The
 * service gathers the facts ({@link Facts}) and carries out the {@link Decision}.
 *
 * <p>Rows, first match wins:
 * <ol>
 *   <li>NOOP → NO_ACTION</li>
 *   <li>ESCALATE → escalate</li>
 *   <li>confidence below {@code escalate-below} → escalate</li>
 *   <li>an action the Docker executor cannot perform (SCALE_UP, ROLLBACK) → escalate: asking a human to approve
 *       something nobody will carry out helps no one</li>
 *   <li>safety failed (no opted-in container, not opted in, ambiguous) → escalate</li>
 *   <li>restart budget spent (RESTART, START) → escalate</li>
 *   <li>confidence below {@code act-confidence}, or the diagnosis' claim is not corroborated by facts AegisOps
 *       observed itself, or the action needs approval, or policy {@code manual}, or it would start a container an
 *       operator stopped on purpose → ask a human (every reason is named)</li>
 *   <li>otherwise → act now</li>
 * </ol>
 */
public final class DecisionPolicy {

    /** What the Docker executor can do; everything else is "not supported yet". */
    public static final Set<Action> EXECUTABLE = EnumSet.of(Action.RESTART, Action.STOP, Action.START);
    /** Actions that (re)start a container and so spend the restart budget. */
    public static final Set<Action> RESTARTS = EnumSet.of(Action.RESTART, Action.START);

    private final double actConfidence;
    private final double escalateBelow;
    private final Set<Action> autoActions;
    private final Set<Action> approvalActions;

    public DecisionPolicy(double actConfidence, double escalateBelow, Set<Action> autoActions, Set<Action> approvalActions) {
        if (!(escalateBelow >= 0 && escalateBelow <= actConfidence && actConfidence <= 1)) {
            throw new IllegalArgumentException("need 0 <= aegis.remediation.escalate-below (" + escalateBelow
                    + ") <= aegis.remediation.act-confidence (" + actConfidence + ") <= 1");
        }
        this.actConfidence = actConfidence;
        this.escalateBelow = escalateBelow;
        this.autoActions = autoActions.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(autoActions);
        this.approvalActions = approvalActions.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(approvalActions);
    }

    /** The four possible answers. */
    public enum Outcome {
        ACT,
        ASK,
        ESCALATE,
        NO_ACTION
    }

    /** The answer and, always, why. */
    public record Decision(Outcome outcome, String reason) {
    }

    /**
     * What is known about the target when deciding.
     *
     * @param safetyFailure         why the target may not be touched (null when it may)
     * @param policy                the target's {@code aegis.policy}
     * @param budgetLeft            restarts still allowed (ignored for actions that are not restarts)
     * @param budget                the budget in label form, for the reason text
     * @param startsOperatorStopped true when the action would start a container an operator stopped on purpose
     */
    public record Facts(String safetyFailure, TargetPolicy policy, int budgetLeft, String budget,
                        boolean startsOperatorStopped) {

        /** For decisions that never look at the target (NOOP, ESCALATE, low confidence). */
        public static Facts notGathered() {
            return new Facts(null, TargetPolicy.AUTO, 1, "n/a", false);
        }
    }

    /** True when the decision is already fixed by the action and confidence alone, so no Docker lookup is needed. */
    public boolean decidedWithoutTarget(Action action, double confidence) {
        return action == Action.NOOP || action == Action.ESCALATE || confidence < escalateBelow
                || !EXECUTABLE.contains(action);
    }

    /**
     * @param corroborated whether the diagnosis' claim is shown by facts AegisOps observed itself: nothing is done
     *                     without a human on an alert's word alone, however confident the engine is
     */
    public Decision decide(Action action, double confidence, boolean corroborated, Facts facts) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(facts, "facts");
        if (action == Action.NOOP) {
            return new Decision(Outcome.NO_ACTION, "the diagnosis proposes no action");
        }
        if (action == Action.ESCALATE) {
            return new Decision(Outcome.ESCALATE, "the diagnosis recommends escalation to a human");
        }
        if (confidence < escalateBelow) {
            return new Decision(Outcome.ESCALATE, "confidence " + pct(confidence) + " is below the escalation threshold "
                    + pct(escalateBelow));
        }
        if (!EXECUTABLE.contains(action)) {
            return new Decision(Outcome.ESCALATE, action + " is not supported yet by the Docker executor (it can "
                    + "RESTART, STOP and START)");
        }
        if (facts.safetyFailure() != null) {
            return new Decision(Outcome.ESCALATE, facts.safetyFailure());
        }
        if (RESTARTS.contains(action) && facts.budgetLeft() <= 0) {
            return new Decision(Outcome.ESCALATE, "restart budget " + facts.budget() + " is spent");
        }
        List<String> askBecause = new ArrayList<>();
        if (confidence < actConfidence) {
            askBecause.add("confidence " + pct(confidence) + " is below " + pct(actConfidence));
        }
        if (!corroborated) {
            askBecause.add("the diagnosis' claim is not corroborated by facts AegisOps observed itself");
        }
        if (!isAutoEligible(action)) {
            askBecause.add(action + " needs approval");
        }
        if (facts.policy() != TargetPolicy.AUTO) {
            askBecause.add("the target's policy is manual");
        }
        if (facts.startsOperatorStopped() && RESTARTS.contains(action)) {
            askBecause.add("an operator stopped the container on purpose");
        }
        if (!askBecause.isEmpty()) {
            return new Decision(Outcome.ASK, String.join("; ", askBecause));
        }
        String budget = RESTARTS.contains(action)
                ? " with " + facts.budgetLeft() + " restart(s) left in " + facts.budget() : "";
        return new Decision(Outcome.ACT, action + " at confidence " + pct(confidence) + ", corroborated, on an auto target"
                + budget);
    }

    public boolean isAutoEligible(Action action) {
        return autoActions.contains(action) && !approvalActions.contains(action);
    }

    /** Exact, without rounding: "0.8499 is below 0.85" must not read "0.85 is below 0.85". */
    private static String pct(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
