package io.aegisops.monitor.postmortem;

import io.aegisops.contract.AlertView;
import io.aegisops.contract.Claim;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.Fact;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.monitor.postmortem.PostmortemInputs.SimilarIncident;
import io.aegisops.monitor.service.IncidentDetails.Transition;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.aegisops.monitor.postmortem.Markdown.table;
import static io.aegisops.monitor.postmortem.Markdown.text;

/**
 * Writes the postmortem of a closed incident as Markdown. A pure function of {@link PostmortemInputs}, so every
 * section, the escaping of untrusted text and the "n/a" of a step never reached are tested without a database.
 * Every string that came from outside AegisOps' own code goes through {@link Markdown#text}.
 */
public final class PostmortemWriter {

    public static final String MEDIA_TYPE = "text/markdown; charset=UTF-8";

    /** Actors that are AegisOps itself; everyone else on a timeline (a person, an approval) decided something. */
    private static final List<String> SERVICES = List.of("monitor-service", "diagnosis-service", "remediation-service");
    private static final String REMEDIATION = "remediation-service";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS'Z'", Locale.ROOT);

    private PostmortemWriter() {
    }

    public static String write(PostmortemInputs in) {
        StringBuilder out = new StringBuilder(4096);
        header(out, in);
        summary(out, in);
        timeline(out, in.timeline());
        durations(out, in);
        cause(out, in.diagnosis());
        evidence(out, in);
        remediation(out, in.timeline());
        decisions(out, in.timeline());
        similar(out, in);
        return out.toString();
    }

    private static void header(StringBuilder out, PostmortemInputs in) {
        IncidentView incident = in.incident();
        out.append("# Postmortem: ").append(text(incident.target())).append(" — ").append(types(incident))
                .append("\n\n");
        out.append("- **Incident:** ").append(incident.id()).append('\n');
        out.append("- **Target:** ").append(text(incident.target())).append('\n');
        out.append("- **Container:** ").append(orUnknown(incident.container())).append('\n');
        out.append("- **Status:** ").append(incident.status()).append('\n');
        out.append("- **Severity:** ").append(incident.severity()).append('\n');
        out.append("- **Opened:** ").append(time(in.openedAt())).append('\n');
        out.append("- **Closed:** ").append(time(in.closedAt())).append("\n\n");
    }

    private static void summary(StringBuilder out, PostmortemInputs in) {
        IncidentView incident = in.incident();
        Diagnosis diagnosis = in.diagnosis();
        out.append("## Summary\n\n");
        out.append(text(incident.target())).append(" raised ").append(count(in.alertTotal(), "alert")).append(" (")
                .append(types(incident)).append(") from ").append(time(incident.firstSeen())).append(". ");
        if (diagnosis == null) {
            out.append("Cause: unknown, no diagnosis was received. Action: none diagnosed. ");
        } else {
            out.append("Cause: ").append(sentence(diagnosis.rootCause())).append(" (")
                    .append(diagnosis.corroborated() ? "corroborated" : "not corroborated")
                    .append(" by AegisOps' own observations, confidence ").append(confidence(diagnosis.confidence()))
                    .append("). Action: ").append(diagnosis.action()).append(". ");
        }
        out.append("It closed as ").append(incident.status()).append(" at ").append(time(in.closedAt()));
        in.timeline().stream().filter(t -> t.to() != null && t.to().isClosed() && t.from() != t.to()).findFirst()
                .ifPresent(t -> out.append(", ").append(Milestone.seconds(incident.firstSeen(), t.at()))
                        .append(" s after the first alert, by ").append(text(t.actor())).append(": ")
                        .append(text(t.reason())));
        out.append(".\n\n");
    }

    private static void timeline(StringBuilder out, List<Transition> timeline) {
        out.append("## Timeline\n\n");
        table(out, List.of("Time", "From → to", "Actor", "Reason"), timeline.stream()
                .map(t -> List.of(time(t.at()), change(t), text(t.actor()), text(t.reason()))).toList());
    }

    private static void durations(StringBuilder out, PostmortemInputs in) {
        OffsetDateTime firstSeen = in.incident().firstSeen();
        out.append("## Time to detect, diagnose, decide, act and resolve\n\n");
        out.append("Seconds from the first alert's observation (").append(time(firstSeen)).append(").\n\n");
        table(out, List.of("Step", "Reached when", "At", "Seconds"), Milestone.of(in.openedAt(), in.timeline())
                .stream().map(m -> List.of(m.step(), m.meaning(), m.at() == null ? Milestone.NOT_REACHED : time(m.at()),
                        m.secondsSince(firstSeen))).toList());
    }

    private static void cause(StringBuilder out, Diagnosis diagnosis) {
        out.append("## Cause\n\n");
        if (diagnosis == null) {
            out.append("No diagnosis was received for this incident.\n\n");
            return;
        }
        out.append("- **Root cause:** ").append(text(diagnosis.rootCause())).append('\n');
        out.append("- **Action:** ").append(diagnosis.action()).append('\n');
        out.append("- **Confidence:** ").append(confidence(diagnosis.confidence())).append(" (base ")
                .append(confidence(diagnosis.baseConfidence())).append(")\n");
        out.append("- **Engine / rule:** ").append(text(diagnosis.engine())).append(" / ")
                .append(orUnknown(diagnosis.ruleId())).append('\n');
        out.append("- **Corroborated:** ").append(yesNo(diagnosis.corroborated())).append('\n');
        out.append("- **Revision:** ").append(diagnosis.revision()).append(", diagnosed ")
                .append(time(diagnosis.diagnosedAt())).append('\n');
        out.append("- **Justification:** ").append(text(diagnosis.justification())).append("\n\n");
        out.append("### Citations\n\n");
        if (diagnosis.citations().isEmpty()) {
            out.append("None: the diagnosis cites no fact, runbook or past incident.\n\n");
            return;
        }
        table(out, List.of("Kind", "Ref", "Title", "Detail"), diagnosis.citations().stream()
                .map(c -> List.of(String.valueOf(c.kind()), text(c.ref()), text(c.title()), text(c.detail())))
                .toList());
    }

    private static void evidence(StringBuilder out, PostmortemInputs in) {
        out.append("## Evidence\n\n### Alerts\n\n");
        out.append(in.alerts().size() < in.alertTotal()
                ? "The first " + in.alerts().size() + " of " + in.alertTotal() + " alerts.\n\n"
                : count(in.alertTotal(), "alert") + ".\n\n");
        if (!in.alerts().isEmpty()) {
            table(out, List.of("Observed", "Type", "Source", "Summary"), in.alerts().stream()
                    .map(a -> List.of(time(a.observedAt()), String.valueOf(a.type()), String.valueOf(a.source()),
                            alertSummary(a))).toList());
        }
        Investigation investigation = in.investigation();
        out.append("### Facts\n\n");
        if (investigation == null) {
            out.append("No investigation completed for this incident.\n\n");
            return;
        }
        out.append("Observed by monitor-service itself (investigation ").append(text(investigation.id()))
                .append(", completed ").append(time(investigation.completedAt())).append(").\n\n");
        if (investigation.facts().isEmpty()) {
            out.append("No fact could be gathered.\n\n");
        } else {
            table(out, List.of("Fact", "Source", "Summary"), investigation.facts().stream()
                    .map((Fact f) -> List.of(text(f.id()), text(f.source()), text(f.summary()))).toList());
        }
        out.append("### Claims\n\n");
        if (investigation.claims().isEmpty()) {
            out.append("No claim was judged.\n\n");
            return;
        }
        table(out, List.of("Claim", "Corroborated", "Facts", "Reason"), investigation.claims().stream()
                .map((Claim c) -> List.of(String.valueOf(c.alertType()), yesNo(c.corroborated()),
                        text(String.join(", ", c.factIds())), text(c.reason()))).toList());
    }

    private static void remediation(StringBuilder out, List<Transition> timeline) {
        out.append("## Action and verification\n\n");
        list(out, timeline, t -> t.actor() != null && t.actor().startsWith(REMEDIATION),
                "No remediation step was recorded.");
    }

    private static void decisions(StringBuilder out, List<Transition> timeline) {
        out.append("## Who decided what\n\n");
        list(out, timeline, t -> !isService(t.actor()),
                "Nobody: no person or approval decided anything, AegisOps handled the incident alone.");
    }

    private static void similar(StringBuilder out, PostmortemInputs in) {
        out.append("## Similar incidents\n\n");
        if (in.similar().isEmpty()) {
            out.append("None: no earlier closed incident of ").append(text(in.incident().target())).append(".\n");
            return;
        }
        out.append("Earlier closed incidents of ").append(text(in.incident().target())).append(", newest first.\n\n");
        table(out, List.of("Incident", "Opened", "Status", "Alert types", "Action", "How it closed"), in.similar()
                .stream().map((SimilarIncident s) -> List.of(s.id(), time(s.openedAt()), String.valueOf(s.status()),
                        s.alertTypes().stream().map(Enum::name).collect(Collectors.joining(", ")),
                        s.action() == null ? "no diagnosis stored" : s.action().name(),
                        text(s.closedBy()) + ": " + text(s.closedWith()))).toList());
    }

    /** Timeline entries as a list, each with its time, its change, who and why. */
    private static void list(StringBuilder out, List<Transition> timeline, Predicate<Transition> which, String none) {
        List<Transition> entries = timeline.stream().filter(which).toList();
        if (entries.isEmpty()) {
            out.append(none).append("\n\n");
            return;
        }
        entries.forEach(t -> out.append("- ").append(time(t.at())).append(" (").append(change(t)).append(") **")
                .append(text(t.actor())).append("**: ").append(text(t.reason())).append('\n'));
        out.append('\n');
    }

    private static boolean isService(String actor) {
        return actor != null && SERVICES.stream().anyMatch(s -> actor.equals(s) || actor.startsWith(s + " ")
                || actor.startsWith(s + "("));
    }

    private static String change(Transition t) {
        if (t.from() == null) {
            return "→ " + t.to();
        }
        return t.from() == t.to() ? "note while " + t.to() : t.from() + " → " + t.to();
    }

    private static String alertSummary(AlertView alert) {
        String summary = text(alert.summary());
        return "resolved".equals(alert.status()) ? summary + " (resolved)" : summary;
    }

    private static String types(IncidentView incident) {
        return incident.alertTypes().isEmpty() ? "no alert type"
                : incident.alertTypes().stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String sentence(String value) {
        String text = text(value);
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String confidence(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : text(value);
    }

    static String time(OffsetDateTime at) {
        return at == null ? "unknown" : TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
