package io.aegisops.diagnosis.llm;

import dev.langchain4j.model.output.structured.Description;

import java.util.List;

/**
 * What a model must answer, as the AI service's structured output: every field is checked by {@link AnswerCheck}
 * before anything comes of it, so the types are loose on purpose (an action the model invents is a rejection
 * with a reason, not a parse error).
 */
public record ModelAnswer(
        @Description("the incident's target, copied from the data; an answer about any other target is rejected")
        String target,
        @Description("the root cause in one or two plain sentences")
        String rootCause,
        @Description("one of the cause families listed in the data")
        String causeFamily,
        @Description("one of the allowed actions listed in the data")
        String action,
        @Description("0 to 1: how sure the facts make you")
        double confidence,
        @Description("ids of the facts (F1, F2…) the conclusion rests on; at least one")
        List<String> factIds,
        @Description("the alert type the conclusion is about, one of the incident's alert types")
        String alertType,
        @Description("why the action follows from the cause, citing facts by id")
        String justification) {
}
