package io.aegisops.approval.service;

import io.aegisops.approval.domain.Approval;
import io.aegisops.approval.domain.ApprovalStatus;
import io.aegisops.approval.domain.AuditEntry;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Read side of approvals and their audit trail, apart from {@link ApprovalService} so reads take no locks. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ApprovalQueries {

    /**
     * @param statuses   empty for any
     * @param incidentId null for any
     * @return newest first
     */
    public List<ApprovalView> list(Set<ApprovalStatus> statuses, UUID incidentId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!statuses.isEmpty()) {
            where.add("status in :statuses");
            parameters.and("statuses", statuses);
        }
        if (incidentId != null) {
            where.add("incidentId = :incidentId");
            parameters.and("incidentId", incidentId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by receivedAt desc, id";
        return Approval.<Approval>find(query, parameters).page(0, limit).list().stream()
                .map(ApprovalView::of)
                .toList();
    }

    public Optional<ApprovalView> byId(UUID id) {
        return Approval.<Approval>findByIdOptional(id).map(ApprovalView::of);
    }

    /** Every request, decision, escalation and comment of an incident's approvals, in the order they happened. */
    public List<AuditView> auditOf(UUID incidentId) {
        return AuditEntry.ofIncident(incidentId).stream().map(AuditView::of).toList();
    }

    /** @return empty when there is no such approval */
    public Optional<List<CommentView>> commentsOf(UUID approvalId) {
        if (Approval.findById(approvalId) == null) {
            return Optional.empty();
        }
        return Optional.of(AuditEntry.commentsOf(approvalId).stream().map(CommentView::of).toList());
    }
}
