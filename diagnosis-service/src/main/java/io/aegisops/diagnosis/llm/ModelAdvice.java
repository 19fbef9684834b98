package io.aegisops.diagnosis.llm;

import io.aegisops.diagnosis.service.ProposedDiagnosis;

import java.util.List;
import java.util.Optional;

/**
 * What the models said about one investigation: the first valid proposal (empty when none was), and one line per
 * provider asked, for the diagnosis' evidence ("openai gpt-4o-mini: timed out after 20 s"), so a person sees why the
 * rules answered when they did. It names the incident and the investigation it answers, which key the memo, so an
 * answer checked against one incident's target and facts is never taken for another's.
 *
 * @param incidentId      the incident the models were asked about
 * @param investigationId the investigation the models were asked about, null when they were asked without one
 */
public record ModelAdvice(String incidentId, String investigationId, Optional<ProposedDiagnosis> proposal,
                          List<String> notes) {

    public ModelAdvice {
        notes = List.copyOf(notes);
    }
}
