package io.aegisops.monitor.investigation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Investigation;
import io.aegisops.monitor.domain.Incident;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read side of investigations, for the API; kept apart from {@link Investigations} so reads take no locks. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InvestigationQueries {

    /** Newest first; empty when the incident does not exist. */
    public Optional<List<InvestigationView>> ofIncident(UUID incidentId) {
        if (Incident.findByIdOptional(incidentId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StoredInvestigation.ofIncident(incidentId).stream()
                .map(InvestigationQueries::view).toList());
    }

    /** The report of the incident's most recently requested investigation that has completed. */
    public Optional<Investigation> latestReport(UUID incidentId) {
        return StoredInvestigation.ofIncident(incidentId).stream()
                .filter(row -> row.status == InvestigationStatus.COMPLETED)
                .findFirst().map(row -> report(row.payload));
    }

    private static InvestigationView view(StoredInvestigation row) {
        return new InvestigationView(row.id.toString(), row.incidentId.toString(), row.triggerAlertId.toString(),
                row.alertType, row.status, row.requestedAt, row.completedAt, report(row.payload));
    }

    private static Investigation report(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(payload, Investigation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored investigation is not JSON", e);
        }
    }
}
