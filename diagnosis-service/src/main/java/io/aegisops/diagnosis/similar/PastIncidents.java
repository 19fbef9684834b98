package io.aegisops.diagnosis.similar;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.diagnosis.domain.HumanDecision;
import io.aegisops.diagnosis.domain.IncidentCase;
import io.aegisops.diagnosis.domain.IssuedDiagnosis;
import io.aegisops.diagnosis.runbook.QueryEmbeddings;
import io.aegisops.diagnosis.runbook.SectionEmbedder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers closed incidents and finds the ones a new diagnosis resembles, with the model the runbooks use (one
 * model in memory). Exists so a diagnosis can say "this happened before, and RESTART fixed it, approved by alice":
 * the closest thing to experience an on-call engineer brings. Similar incidents are advice, found after the
 * diagnosis' verdict, so they never earn a revision.
 */
@ApplicationScoped
public class PastIncidents {

    /** Excludes nothing: no incident has the nil UUID. */
    private static final UUID NO_INCIDENT = new UUID(0, 0);

    private static final Logger LOG = Logger.getLogger(PastIncidents.class);

    private final SectionEmbedder embedder;
    private final QueryEmbeddings queries;
    private final PastIncidentStore store;
    private final SimilarConfig config;

    public PastIncidents(SectionEmbedder embedder, QueryEmbeddings queries, PastIncidentStore store,
                         SimilarConfig config) {
        this.embedder = embedder;
        this.queries = queries;
        this.store = store;
        this.config = config;
    }

    /**
     * Stores (or rewrites) the incident as a past incident: its current diagnosis, how it closed and who decided.
     * An incident that closed before any diagnosis is not stored: nothing says what it was or what fixed it. The
     * embedding is made here, in the closing record's transaction (milliseconds once the model is loaded); when the
     * model fails, the row is stored without one and embedded at the next start.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PastIncident> closed(IncidentCase incidentCase, IncidentStatus status) {
        if (!config.enabled() || status == null || !status.isClosed()) {
            return Optional.empty();
        }
        if (incidentCase.currentDiagnosisId == null) {
            LOG.debugf("Incident %s closed (%s) without a diagnosis: not kept as a past incident",
                    incidentCase.incidentId, status);
            return Optional.empty();
        }
        Diagnosis diagnosis = IssuedDiagnosis.<IssuedDiagnosis>findById(incidentCase.currentDiagnosisId).toContract();
        Outcome outcome = outcomeOf(incidentCase.incidentId, status, diagnosis.action());
        String shared = IncidentText.of(incidentCase.target, incidentCase.service, diagnosis.alertTypes(),
                diagnosis.rootCause(), diagnosis.action());
        PastIncident past = new PastIncident(incidentCase.incidentId, incidentCase.currentDiagnosisId,
                incidentCase.target, incidentCase.service, diagnosis.alertTypes(), diagnosis.rootCause(), outcome,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                IncidentText.stored(shared, incidentCase.target, incidentCase.service, diagnosis.evidence(),
                        outcome.summary()));
        float[] embedding = null;
        try {
            embedding = embed(past.body());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Cannot embed past incident %s now: stored without an embedding, made at the next start",
                    past.incidentId());
        }
        store.upsert(past, embedding, embedder.modelId());
        LOG.infof("Incident %s kept as a past incident: %s", past.incidentId(), outcome.summary());
        return Optional.of(past);
    }

    /**
     * A human decision on an incident reached this service: if the incident is already kept as a past incident
     * (its closing status travels on another topic and may come first), its outcome is rewritten with the decision.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decisionRecorded(String incidentId) {
        if (!config.enabled()) {
            return;
        }
        UUID id = UUID.fromString(incidentId);
        store.find(id).ifPresent(past -> IncidentCase.findForUpdate(id)
                .ifPresent(incidentCase -> closed(incidentCase, past.outcome().status())));
    }

    /**
     * The past incidents most like a new diagnosis, for its citations: at most {@code max-results}, at least
     * {@code min-similarity}, never the incident itself. None while the model is still loading (a diagnosis does
     * not wait seconds for advice) or when the model fails. Called inside the diagnosis' transaction, whose text is
     * known only there: the embedding of a text asked before comes from {@link QueryEmbeddings}, so a redelivered
     * event or another revision with the same cause runs no model while the incident's row is locked.
     */
    public List<SimilarIncident> similarTo(String incidentId, String target, String service,
                                           List<AlertType> alertTypes, String rootCause, Action action) {
        if (!config.enabled() || config.maxResults() == 0 || !embedder.loaded()) {
            return List.of();
        }
        float[] query;
        try {
            query = queries.embed(IncidentText.of(target, service, alertTypes, rootCause, action));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Cannot embed incident %s: its diagnosis cites no similar incident", incidentId);
            return List.of();
        }
        // A failed query aborts the consumer's transaction, so the record is redelivered by the inbox: not caught.
        return store.mostSimilar(query, embedder.modelId(), UUID.fromString(incidentId), service,
                config.minSimilarity(), config.maxResults());
    }

    /**
     * The past incidents closest to a description in words, for the model diagnoser's tool: at least
     * {@code min-similarity}, never {@code exclude}. Outside any transaction (plain JDBC, one statement).
     *
     * @param exclude the incident being diagnosed, null when none
     */
    public List<SimilarIncident> search(String text, UUID exclude, int limit) {
        if (!config.enabled() || !embedder.loaded() || text == null || text.isBlank()) {
            return List.of();
        }
        return store.mostSimilar(queries.embed(text), embedder.modelId(), exclude == null ? NO_INCIDENT : exclude,
                null, config.minSimilarity(), limit);
    }

    /**
     * The past incidents most like a known incident, for people: compared as its closing text (if it is a past
     * incident itself) or its current diagnosis would be.
     *
     * @return empty when the incident is unknown here; an empty list when it has no diagnosis yet
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<SimilarIncident>> similarOf(UUID incidentId, int limit) {
        IncidentCase incidentCase = IncidentCase.findById(incidentId);
        if (incidentCase == null) {
            return Optional.empty();
        }
        if (incidentCase.currentDiagnosisId == null) {
            return Optional.of(List.of());
        }
        String text = store.find(incidentId).map(PastIncident::shared).orElseGet(() -> {
            Diagnosis current = IssuedDiagnosis.<IssuedDiagnosis>findById(incidentCase.currentDiagnosisId)
                    .toContract();
            return IncidentText.of(incidentCase.target, incidentCase.service, current.alertTypes(),
                    current.rootCause(), current.action());
        });
        return Optional.of(store.mostSimilar(queries.embed(text), embedder.modelId(), incidentId,
                incidentCase.service, config.minSimilarity(), limit));
    }

    /** Embeds the past incidents stored without an embedding of the current model; called once the model is up. */
    public int embedMissing() {
        int count = 0;
        for (var row : store.unembedded(embedder.modelId()).entrySet()) {
            store.embedded(row.getKey(), row.getValue(), embed(row.getValue()), embedder.modelId());
            count++;
        }
        return count;
    }

    public boolean ready() {
        return embedder.loaded();
    }

    public SimilarConfig config() {
        return config;
    }

    /**
     * The human decision that tells how it ended: the latest one about the proposal (approve, reject, override,
     * expire), else the latest request for changes, else none.
     */
    private static Outcome outcomeOf(UUID incidentId, IncidentStatus status, Action proposed) {
        List<HumanDecision> decisions = HumanDecision.list("incidentId = ?1 order by recordedAt desc", incidentId);
        Optional<HumanDecision> latest = decisions.stream()
                .filter(d -> d.decision != ApprovalDecision.Kind.REQUEST_CHANGES).findFirst()
                .or(() -> decisions.stream().findFirst());
        if (latest.isEmpty()) {
            return new Outcome(status, proposed, proposed, null, null);
        }
        HumanDecision decision = latest.get();
        Action action = decision.decision == ApprovalDecision.Kind.OVERRIDE && decision.chosenAction != null
                ? decision.chosenAction : proposed;
        return new Outcome(status, action, proposed, decision.decision, decision.actor);
    }

    /** The embedding of a stored text: unit length, as the query's, so the dot product is the cosine similarity. */
    private float[] embed(String text) {
        return SectionEmbedder.unit(embedder.embed(text));
    }
}
