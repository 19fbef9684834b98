package io.aegisops.diagnosis.similar;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one shape in which an incident is put into words for the embedding model, for a closed incident that is
 * stored and for a new diagnosis that looks for it alike: the cosine similarity of two texts only means "the same
 * kind of incident" when both were written the same way. The stored text adds the key evidence and the outcome
 * after the shared part, so they weigh less than the cause. The service is named once, up front: the rules' causes
 * name it too ("checkout was killed by…"), and left there it outweighed the cause itself (measured: an OOM on
 * checkout was closer to a memory-pressure incident of checkout than to an OOM of payments), so in the cause and
 * the evidence it reads "the service".
 */
public final class IncidentText {

    /**
     * Evidence lines kept in a stored text. Measured (SimilarityFiguresTest): every line dilutes the cause, and a
     * second one lowered the similarity of a dependency-down incident with the next one from 0.74 to 0.68 without
     * telling the families apart any better, so one: the deciding alert's own line.
     */
    static final int EVIDENCE_LINES = 1;
    static final int LINE_LENGTH = 160;

    /** Evidence lines that describe AegisOps' own bookkeeping, not the incident. */
    private static final List<String> NOT_EVIDENCE = List.of("runbook:", "similar incident ", "learning:",
            "human feedback", "corroboration:");
    /** An alert's evidence line: its type and source, then its summary. */
    private static final Pattern ALERT_LINE = Pattern.compile("[A-Z_]+ \\([A-Z_]+\\): ");

    private IncidentText() {
    }

    /**
     * "Service checkout (target checkout). Alert types: oom killed, crash. Root cause: …. Action: RESTART."
     *
     * @param target     the incident's target
     * @param service    its logical service, null when unknown
     * @param alertTypes the alert types, in first-seen order
     * @param rootCause  the diagnosis' cause
     * @param action     the action it proposed (or a human chose)
     */
    public static String of(String target, String service, List<AlertType> alertTypes, String rootCause,
                            Action action) {
        StringBuilder text = new StringBuilder("Service ").append(service == null || service.isBlank()
                ? target : service);
        if (target != null && !target.equals(service)) {
            text.append(" (target ").append(target).append(')');
        }
        String types = alertTypes.stream().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        if (!types.isEmpty()) {
            text.append(". Alert types: ").append(types);
        }
        text.append(". Root cause: ").append(rootCause == null ? "unknown" : anonymous(rootCause.strip(), target, service));
        if (action != null) {
            text.append(sentenceEnd(text)).append("Action: ").append(action.name()).append('.');
        }
        return text.toString();
    }

    /** {@link #of} followed by the first key evidence lines and how the incident ended. */
    public static String stored(String shared, String target, String service, List<String> evidence,
                                String outcome) {
        StringBuilder text = new StringBuilder(shared);
        List<String> key = keyEvidence(evidence).stream().map(line -> anonymous(line, target, service)).toList();
        if (!key.isEmpty()) {
            text.append(" Evidence: ").append(String.join("; ", key)).append('.');
        }
        return text.append(" Outcome: ").append(outcome).append('.').toString();
    }

    /**
     * The lines that describe the incident itself, the alerts' own first ("OOM_KILLED (DOCKER_EVENT): …"), then the
     * facts and log lines in their order, each cut to a line's length. The alerts first because a diagnosis' evidence
     * starts with its facts, and "State: running" reads alike in every incident.
     */
    static List<String> keyEvidence(List<String> evidence) {
        return evidence.stream()
                .filter(line -> NOT_EVIDENCE.stream().noneMatch(line::startsWith))
                .sorted(Comparator.comparing(line -> !ALERT_LINE.matcher(line).lookingAt()))
                .map(line -> line.length() > LINE_LENGTH ? line.substring(0, LINE_LENGTH) + "…" : line)
                .limit(EVIDENCE_LINES)
                .toList();
    }

    /** The text with the target's and the service's names (as whole words) replaced by "the service". */
    static String anonymous(String text, String target, String service) {
        String result = text;
        for (String name : new String[]{service, target}) {
            if (name != null && !name.isBlank()) {
                result = Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])").matcher(result)
                        .replaceAll(Matcher.quoteReplacement("the service"));
            }
        }
        return result;
    }

    private static String sentenceEnd(CharSequence text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' ? " " : ". ";
    }
}
