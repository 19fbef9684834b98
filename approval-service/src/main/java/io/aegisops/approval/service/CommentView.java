package io.aegisops.approval.service;

import io.aegisops.approval.domain.AuditEntry;

import java.time.OffsetDateTime;

/** A comment on an approval. */
public record CommentView(String id, String approvalId, String incidentId, String actor, String text,
                          OffsetDateTime at) {

    public static CommentView of(AuditEntry e) {
        return new CommentView(e.id.toString(), e.approvalId.toString(), e.incidentId.toString(), e.actor, e.text,
                e.at);
    }
}
