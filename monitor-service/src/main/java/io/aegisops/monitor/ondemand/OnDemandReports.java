package io.aegisops.monitor.ondemand;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aegisops.contract.EventCodec;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores on-demand reports and reads them back for the API, newest first. */
@ApplicationScoped
public class OnDemandReports {

    @Transactional
    public void store(OnDemandReport report) {
        StoredOnDemandInvestigation row = new StoredOnDemandInvestigation();
        row.id = UUID.fromString(report.id());
        row.target = report.target();
        row.container = report.container();
        row.question = report.question();
        row.requestedAt = report.requestedAt();
        row.completedAt = report.completedAt();
        row.payload = EventCodec.mapper().valueToTree(report).toString();
        row.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OnDemandReport> find(UUID id) {
        return StoredOnDemandInvestigation.<StoredOnDemandInvestigation>findByIdOptional(id)
                .map(row -> report(row.payload));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OnDemandReport> recent(int limit) {
        return StoredOnDemandInvestigation.<StoredOnDemandInvestigation>findAll(
                        Sort.descending("requestedAt").and("id", Sort.Direction.Descending))
                .page(Page.ofSize(limit)).list().stream().map(row -> report(row.payload)).toList();
    }

    private static OnDemandReport report(String payload) {
        try {
            return EventCodec.mapper().readValue(payload, OnDemandReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored on-demand report is not JSON", e);
        }
    }
}
