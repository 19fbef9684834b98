package io.aegisops.diagnosis.llm;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.aegisops.diagnosis.runbook.RunbookHit;
import io.aegisops.diagnosis.runbook.RunbookIndex;
import io.aegisops.diagnosis.similar.PastIncidents;
import io.aegisops.diagnosis.similar.SimilarIncident;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The tools a model may call while diagnosing. All of them read; none changes anything, and no action can be taken
 * through them: the model's only way to propose an action is its answer, which {@link AnswerCheck} and then
 * remediation's policy judge. The facts of the target were gathered before the model is asked (monitor-service owns
 * the Docker reads), so what is left to look up here is knowledge: the runbooks and the incidents closed before.
 */
@ApplicationScoped
public class DiagnosisTools {

    static final int MAX_HITS = 3;
    static final int MAX_QUERY = 300;

    private final RunbookIndex runbooks;
    private final PastIncidents pastIncidents;

    public DiagnosisTools(RunbookIndex runbooks, PastIncidents pastIncidents) {
        this.runbooks = runbooks;
        this.pastIncidents = pastIncidents;
    }

    @Tool("Searches the operators' runbooks for sections about a symptom or cause; returns the best sections")
    public String searchRunbooks(@P("what to look for, e.g. 'heap grows until OOM'") String query) {
        if (query == null || query.isBlank()) {
            return "no query given";
        }
        String q = query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY);
        if (!runbooks.ready()) {
            return "the runbook index is not available";
        }
        List<RunbookHit> hits = runbooks.search(q, MAX_HITS);
        if (hits.isEmpty()) {
            return "no runbook section matches";
        }
        return hits.stream().map(h -> "[" + h.id() + "] " + h.label() + ": " + h.excerpt())
                .collect(Collectors.joining("\n"));
    }

    @Tool("Finds closed incidents like this one: what they were, what fixed them, who decided")
    public String similarIncidents(@P("what happened, e.g. 'heap grows until OOM, then killed'") String symptom,
                                   @P("the id of the incident being diagnosed, to leave it out") String incidentId) {
        if (symptom == null || symptom.isBlank()) {
            return "no symptom given";
        }
        String q = symptom.length() <= MAX_QUERY ? symptom : symptom.substring(0, MAX_QUERY);
        List<SimilarIncident> found = pastIncidents.search(q, uuidOrNull(incidentId), MAX_HITS);
        if (found.isEmpty()) {
            return "no similar closed incident";
        }
        return found.stream().map(f -> f.evidenceLine() + ": " + f.citation().title()).collect(Collectors.joining("\n"));
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
