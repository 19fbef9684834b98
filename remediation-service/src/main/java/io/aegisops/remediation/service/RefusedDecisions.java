package io.aegisops.remediation.service;

import io.aegisops.contract.CloudEvent;
import io.aegisops.kit.signing.ClaimedDecision;
import io.aegisops.remediation.domain.RefusedDecision;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Records decisions the bus carried that approval-service did not sign, instead of acting on them: the event bus is
 * not a command line. The record and a counter ({@code aegis.remediation.decisions.refused}) are what an operator
 * sees; nothing about the remediation changes.
 */
@ApplicationScoped
public class RefusedDecisions {

    private static final Logger LOG = Logger.getLogger(RefusedDecisions.class);

    private final MeterRegistry registry;

    public RefusedDecisions(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Stores the refusal in the caller's transaction (its own inbox claim, so a redelivery is recorded once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CloudEvent event, ClaimedDecision claimed, String why) {
        RefusedDecision refused = new RefusedDecision();
        refused.eventId = ClaimedDecision.shown(event.id());
        refused.source = ClaimedDecision.shown(event.source());
        refused.incidentId = claimed.incidentId();
        refused.requestId = claimed.requestId();
        refused.decision = claimed.decision();
        refused.actor = claimed.actor();
        refused.reason = "not applied: " + why;
        refused.receivedAt = Outcomes.now();
        refused.persist();
        registry.counter("aegis.remediation.decisions.refused").increment();
        LOG.warnf("Refused decision event %s for incident %s from %s: %s", refused.eventId, refused.incidentId,
                refused.source, why);
    }

    /** Newest first; all of one incident when {@code incidentId} is given. */
    public List<RefusedDecision> list(UUID incidentId, int limit) {
        Sort newest = Sort.descending("receivedAt");
        return (incidentId == null ? RefusedDecision.<RefusedDecision>findAll(newest)
                : RefusedDecision.<RefusedDecision>find("incidentId", newest, incidentId.toString()))
                .page(0, limit).list();
    }
}
