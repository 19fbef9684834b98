package io.aegisops.approval.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.approval.domain.NotificationStage;
import io.aegisops.contract.Citation;
import io.aegisops.kit.text.Texts;

import java.util.Locale;
import java.util.UUID;

/**
 * Renders a {@link Notice} as a Slack Block Kit message. Within Slack's documented limits (header 150
 * characters, section text 3000, field 2000) and with Slack's mrkdwn control characters escaped, so text
 * from alerts and people cannot break the layout or inject mentions and links.
 */
public final class SlackMessages {

    /** {@code action_id}s of the approval buttons; their {@code value} is the approval id. */
    public static final String APPROVE = "aegis_approve";
    public static final String REJECT = "aegis_reject";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_HEADER = 150;
    private static final int MAX_SECTION = 3000;
    private static final int MAX_FIELD = 2000;
    private static final int MAX_TEXT_DETAIL = 300;
    /** Enough to follow the diagnosis; a context block holds at most 10 elements (label, 6 items, "+n more"). */
    private static final int MAX_CITATIONS = 6;
    private static final int MAX_CITATION_TITLE = 150;
    private static final int MAX_TEXT_RUNBOOK = 60;

    private final String dashboardUrl;

    public SlackMessages(String dashboardUrl) {
        this.dashboardUrl = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1)
                : dashboardUrl;
    }

    /** A rendered message: the notification text (also what is logged) and the blocks. */
    public record Rendered(String text, ArrayNode blocks) {
    }

    public Rendered render(Notice notice, boolean withButtons) {
        ArrayNode blocks = JSON.arrayNode();
        String header = (notice.loud() ? "ESCALATION: " : "") + icon(notice.stage()) + " " + notice.title();
        blocks.addObject().put("type", "header").set("text", plain(Texts.clip(header, MAX_HEADER)));
        if (notice.detail() != null && !notice.detail().isBlank()) {
            blocks.addObject().put("type", "section")
                    .set("text", mrkdwn(Texts.clip(escape(notice.detail()), MAX_SECTION)));
        }
        ArrayNode fields = JSON.arrayNode();
        fields.add(mrkdwn("*Incident*\n`" + notice.incidentId() + "`"));
        fields.add(mrkdwn(Texts.clip("*Service*\n" + escape(notice.service()), MAX_FIELD)));
        fields.add(mrkdwn(Texts.clip("*Root cause*\n" + escape(orDash(notice.rootCause())), MAX_FIELD)));
        fields.add(mrkdwn("*Action*\n" + (notice.action() == null ? "—" : notice.action().name())));
        fields.add(mrkdwn("*Confidence*\n" + confidence(notice.confidence())));
        blocks.addObject().put("type", "section").set("fields", fields);
        if (!notice.citations().isEmpty()) {
            ArrayNode cites = blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn("*Cites:*"));
            notice.citations().stream().limit(MAX_CITATIONS).forEach(c -> cites.add(mrkdwn(citation(c))));
            if (notice.citations().size() > MAX_CITATIONS) {
                cites.add(mrkdwn("+" + (notice.citations().size() - MAX_CITATIONS) + " more"));
            }
        }
        if (withButtons && notice.approvalId() != null) {
            ObjectNode actions = blocks.addObject().put("type", "actions").put("block_id", "aegis_approval");
            ArrayNode elements = actions.putArray("elements");
            elements.add(button(APPROVE, "Approve", "primary", notice));
            elements.add(button(REJECT, "Reject", "danger", notice));
        }
        blocks.addObject().put("type", "context").putArray("elements")
                .add(mrkdwn("<" + incidentUrl(notice) + "|Open incident in the AegisOps dashboard>"));
        return new Rendered(text(notice), blocks);
    }

    /** The notification text: what phones show, and the whole message where blocks cannot be shown. */
    static String text(Notice notice) {
        StringBuilder text = new StringBuilder();
        if (notice.loud()) {
            text.append("<!here> ESCALATION: ");
        }
        text.append("[AegisOps] ").append(escape(notice.title()))
                .append(" | service ").append(escape(notice.service()))
                .append(" | incident ").append(notice.incidentId());
        if (notice.rootCause() != null) {
            text.append(" | cause: ").append(escape(notice.rootCause()));
        }
        if (notice.action() != null) {
            text.append(" | action ").append(notice.action());
        }
        if (notice.confidence() != null) {
            text.append(" | confidence ").append(confidence(notice.confidence()));
        }
        if (notice.detail() != null && !notice.detail().isBlank()) {
            text.append(" | ")
                    .append(escape(Texts.clip(notice.detail().lines().findFirst().orElse(""), MAX_TEXT_DETAIL)));
        }
        if (!notice.citations().isEmpty()) {
            text.append(" | cites ").append(String.join(", ",
                    notice.citations().stream().limit(MAX_CITATIONS).map(SlackMessages::citationMention).toList()));
        }
        return Texts.clip(text.toString(), MAX_SECTION);
    }

    String incidentUrl(Notice notice) {
        return incidentUrl(notice.incidentId());
    }

    /** The dashboard's deep link ({@code /incidents/<id>} redirects to the war room with that incident open). */
    private String incidentUrl(UUID incidentId) {
        return dashboardUrl + "/incidents/" + incidentId;
    }

    /**
     * One citation as mrkdwn. Only a past incident becomes a link, and only to the dashboard with its id parsed as
     * a UUID, so a citation cannot point anywhere else; every text is escaped.
     */
    private String citation(Citation citation) {
        String title = citation.title() == null ? "" : Texts.clip(citation.title(), MAX_CITATION_TITLE);
        return switch (citation.kind()) {
            case FACT -> (escape(citation.ref()) + " " + escape(title)).trim();
            case RUNBOOK -> ":book: " + escape(title.isBlank() ? orDash(citation.ref()) : title);
            case INCIDENT -> {
                UUID past = uuidOrNull(citation.ref());
                String link = past == null ? "similar incident " + escape(citation.ref())
                        : "<" + incidentUrl(past) + "|similar incident " + past.toString().substring(0, 8) + ">";
                yield (link + " " + escape(title)).trim();
            }
        };
    }

    /** A few words per citation for the notification text: ids and titles, no links. */
    private static String citationMention(Citation citation) {
        return switch (citation.kind()) {
            case FACT -> escape(citation.ref());
            case RUNBOOK -> "runbook " + escape(Texts.clip(orDash(citation.title()), MAX_TEXT_RUNBOOK));
            case INCIDENT -> {
                UUID past = uuidOrNull(citation.ref());
                yield "similar incident " + (past == null ? escape(citation.ref()) : past.toString().substring(0, 8));
            }
        };
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ObjectNode button(String actionId, String label, String style, Notice notice) {
        ObjectNode button = JSON.objectNode().put("type", "button").put("action_id", actionId)
                .put("style", style).put("value", notice.approvalId().toString());
        button.set("text", plain(label));
        return button;
    }

    private static String icon(NotificationStage stage) {
        return switch (stage) {
            case DETECTED -> ":rotating_light:";
            case DIAGNOSED -> ":stethoscope:";
            case AWAITING_APPROVAL -> ":raised_hand:";
            case APPROVAL_ESCALATED -> ":alarm_clock:";
            case DECIDED -> ":ballot_box_with_check:";
            case ACTING -> ":gear:";
            case RESOLVED -> ":white_check_mark:";
            case FAILED -> ":x:";
            case ESCALATED -> ":sos:";
            case REJECTED -> ":no_entry:";
        };
    }

    static String confidence(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Slack's mrkdwn treats &, < and > as control characters (links, mentions); everything else is literal. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static ObjectNode plain(String text) {
        return JSON.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    private static ObjectNode mrkdwn(String text) {
        return JSON.objectNode().put("type", "mrkdwn").put("text", text);
    }
}
