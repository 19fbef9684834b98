package io.aegisops.diagnosis.llm;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.diagnosis.service.DiagnosisInput;
import io.aegisops.diagnosis.service.ProposedDiagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a model's answer may become a diagnosis. Exists because a model's answer is text its data could
 * have steered: it is held to what AegisOps knows, not to what the answer says. Rejected: another target, an action
 * outside the allowlist, a fact id the investigation does not have (or none at all), an alert type the incident does
 * not have, a confidence outside 0–1, an empty cause. A rejected answer is not repaired; the next engine answers.
 */
public final class AnswerCheck {

    public static final String ENGINE = "llm";
    static final int MAX_CAUSE = 600;
    static final int MAX_JUSTIFICATION = 2000;

    /** The verdict: a proposal, or why there is none. */
    public record Result(Optional<ProposedDiagnosis> proposal, String rejection) {

        static Result rejected(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    private AnswerCheck() {
    }

    /**
     * @param answer  what the model answered (null when it answered nothing)
     * @param input   what it was asked about
     * @param allowed the actions a model may propose
     * @param source  who answered, for the evidence ({@code openai gpt-4o-mini})
     */
    public static Result check(ModelAnswer answer, DiagnosisInput input, Set<Action> allowed, String source) {
        if (answer == null) {
            return Result.rejected("no answer");
        }
        String target = input.incident().target();
        if (answer.target() != null && !answer.target().isBlank() && !answer.target().equals(target)) {
            return Result.rejected("it names target '" + clip(answer.target(), 80) + "', not the incident's " + target);
        }
        Optional<Action> action = parse(Action.class, answer.action());
        if (action.isEmpty() || !allowed.contains(action.get())) {
            return Result.rejected("action '" + clip(answer.action(), 40) + "' is not one of " + allowed);
        }
        if (!(answer.confidence() >= 0 && answer.confidence() <= 1)) {
            return Result.rejected("confidence " + answer.confidence() + " is outside 0–1");
        }
        if (answer.rootCause() == null || answer.rootCause().isBlank()) {
            return Result.rejected("it gives no root cause");
        }
        List<String> factIds = answer.factIds() == null ? List.of() : answer.factIds();
        if (factIds.isEmpty()) {
            return Result.rejected("it cites no fact");
        }
        if (input.investigation() == null) {
            return Result.rejected("it cites facts but no investigation is available");
        }
        List<String> unknown = factIds.stream().filter(id -> input.investigation().fact(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return Result.rejected("it cites facts the investigation does not have: " + clip(String.join(", ", unknown), 80));
        }
        AlertType type = null;
        if (answer.alertType() != null && !answer.alertType().isBlank()) {
            Optional<AlertType> named = parse(AlertType.class, answer.alertType());
            if (named.isEmpty() || !input.incident().alertTypes().contains(named.get())) {
                return Result.rejected("alert type '" + clip(answer.alertType(), 40) + "' is not one of the incident's "
                        + input.incident().alertTypes());
            }
            type = named.get();
        } else if (!input.incident().alertTypes().isEmpty()) {
            type = input.incident().alertTypes().get(input.incident().alertTypes().size() - 1);
        }
        String family = answer.causeFamily() != null && Prompts.FAMILIES.contains(answer.causeFamily().toLowerCase(Locale.ROOT))
                ? answer.causeFamily().toLowerCase(Locale.ROOT) : "none";
        List<String> evidence = new ArrayList<>();
        evidence.add("model: " + source + " concluded " + family + " citing " + String.join(", ", factIds));
        String justification = answer.justification() == null || answer.justification().isBlank()
                ? "The model gave no justification." : clip(answer.justification(), MAX_JUSTIFICATION);
        return new Result(Optional.of(new ProposedDiagnosis(ENGINE, family, clip(answer.rootCause(), MAX_CAUSE),
                action.get(), answer.confidence(), evidence, justification, type, List.copyOf(factIds), false)), null);
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
