package io.aegisops.diagnosis.llm;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.aegisops.diagnosis.runbook.RunbookHit;
import io.aegisops.diagnosis.runbook.RunbookIndex;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The tools a model may call while diagnosing. All of them read; none changes anything, and no action can be taken
 * through them: the model's only way to propose an action is its answer, which {@link AnswerCheck} and then
 * remediation's policy judge. The facts of the target were gathered before the model is asked (monitor-service owns
 * the Docker reads), so what is left to look up here is knowledge: the runbooks.
 */
@ApplicationScoped
public class DiagnosisTools {

    static final int MAX_HITS = 3;
    static final int MAX_QUERY = 300;

    private final RunbookIndex runbooks;

    public DiagnosisTools(RunbookIndex runbooks) {
        this.runbooks = runbooks;
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
}
