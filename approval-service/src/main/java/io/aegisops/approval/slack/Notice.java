package io.aegisops.approval.slack;

import io.aegisops.approval.domain.NotificationStage;
import io.aegisops.contract.Action;
import io.aegisops.contract.Citation;

import java.util.List;
import java.util.UUID;

/**
 * What one message says, before it is rendered as Block Kit.
 *
 * @param title      one line, becomes the header
 * @param detail     free text under the header (reason, summary, justification)
 * @param service    the incident's subject as people know it
 * @param rootCause  null when not diagnosed yet
 * @param action     null when none is known yet
 * @param confidence null when not diagnosed yet
 * @param approvalId the approval the buttons decide, or null for no buttons
 * @param loud       an escalation: the header says so and the channel is notified
 * @param citations  what the diagnosis behind the question cites, shown so people can check it; empty for none
 */
public record Notice(NotificationStage stage, UUID incidentId, String title, String detail, String service,
                     String rootCause, Action action, Double confidence, UUID approvalId, boolean loud,
                     List<Citation> citations) {

    public Notice {
        // A citation of a kind this service does not know cannot be rendered; the rest still can.
        citations = citations == null ? List.of() : citations.stream().filter(c -> c.kind() != null).toList();
    }
}
