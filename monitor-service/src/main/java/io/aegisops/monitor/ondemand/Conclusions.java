package io.aegisops.monitor.ondemand;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Claim;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.ToolCall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes an on-demand report's conclusion from the corroborator's claims and the facts: which fault kinds are
 * observed, those the question points at first, or, when none is, that the target looks healthy with its key
 * figures. Deterministic and free of I/O, so its wording is tested without an engine. It judges nothing itself: every
 * "observed" is a claim the {@code Corroborator} found corroborated.
 */
public final class Conclusions {

    /**
     * The fault kinds a report judges: every alert type but EXTERNAL, which names no fault (it is what an external
     * alert whose name maps to nothing becomes) and would only repeat UNHEALTHY's judgement.
     */
    public static final List<AlertType> KINDS = Arrays.stream(AlertType.values())
            .filter(type -> type != AlertType.EXTERNAL).toList();

    private Conclusions() {
    }

    /** A conclusion and the facts it cites. */
    public record Drawn(Conclusion conclusion, List<Citation> citations) {
    }

    /** The kinds to judge: those asked about first, in the question's order, then the others. */
    public static List<AlertType> order(List<AlertType> asked) {
        return Stream.concat(asked.stream().filter(KINDS::contains), KINDS.stream()).distinct().toList();
    }

    /**
     * @param question  the question as asked
     * @param target    the logical service investigated
     * @param container the container investigated
     * @param asked     the kinds the question points at ({@link QuestionKinds})
     * @param claims    the corroborator's judgement of each kind of {@link #order(List)}, in that order
     * @param facts     the facts gathered
     * @param toolCalls the reads made (for the probe's duration and why a figure is missing)
     */
    public static Drawn draw(String question, String target, String container, List<AlertType> asked,
                             List<Claim> claims, List<Fact> facts, List<ToolCall> toolCalls) {
        List<Finding> findings = claims.stream().map(c -> new Finding(c.alertType(), asked.contains(c.alertType()),
                c.corroborated(), c.reason(), c.factIds())).toList();
        Set<String> cited = new LinkedHashSet<>();
        List<String> sentences = new ArrayList<>();
        String who = target.equals(container) ? target : target + " (container " + container + ")";
        sentences.add("Asked \"" + question + "\": " + (asked.isEmpty()
                ? "the question names no fault kind, so every kind was checked."
                : "the question points at " + names(asked) + ", answered first."));
        if (facts.stream().noneMatch(f -> f.name().equals(FactNames.STATE))) {
            sentences.add("Nothing could be observed about " + who + " (" + problems(toolCalls)
                    + "), so no fault kind can be shown or ruled out.");
            return drawn(sentences, findings, cited, facts);
        }
        findings.stream().filter(Finding::asked).forEach(f -> sentences.add(line(f, toolCalls, cited)));
        List<Finding> alsoObserved = findings.stream().filter(f -> f.observed() && !f.asked()).toList();
        if (!alsoObserved.isEmpty()) {
            sentences.add((asked.isEmpty() ? "" : "Also: ") + alsoObserved.stream()
                    .map(f -> line(f, toolCalls, cited)).collect(Collectors.joining(" ")));
        }
        if (findings.stream().noneMatch(Finding::observed)) {
            sentences.add("No fault kind is observed: " + who + " looks healthy — "
                    + keyFigures(facts, toolCalls, cited) + ".");
        }
        return drawn(sentences, findings, cited, facts);
    }

    private static Drawn drawn(List<String> sentences, List<Finding> findings, Set<String> cited, List<Fact> facts) {
        List<Citation> citations = cited.stream()
                .flatMap(id -> facts.stream().filter(f -> f.id().equals(id)).findFirst().stream())
                .map(f -> new Citation(Citation.Kind.FACT, f.id(), f.name(), f.summary()))
                .toList();
        return new Drawn(new Conclusion(String.join(" ", sentences), findings), citations);
    }

    /** "LATENCY observed: the health probe failed (…); the probe took 2.4 s (F9)." */
    private static String line(Finding f, List<ToolCall> toolCalls, Set<String> cited) {
        cited.addAll(f.factIds());
        String probeTime = f.kind() == AlertType.LATENCY ? probeMillis(toolCalls)
                .map(ms -> "; the health probe took " + millis(ms)).orElse("") : "";
        return f.kind() + (f.observed() ? " observed: " : " not observed: ") + f.reason() + probeTime
                + ids(f.factIds()) + ".";
    }

    /** State, Docker health, memory, CPU, probe and restarts, each with its fact id, or why it is missing. */
    private static String keyFigures(List<Fact> facts, List<ToolCall> toolCalls, Set<String> cited) {
        List<String> figures = new ArrayList<>();
        figure(facts, FactNames.STATE, cited).ifPresent(f -> figures.add("state " + f.value().asText() + ids(f)));
        figure(facts, FactNames.DOCKER_HEALTH, cited)
                .ifPresent(f -> figures.add("Docker health " + f.value().asText() + ids(f)));
        figures.add(figure(facts, FactNames.MEMORY_PERCENT, cited)
                .map(f -> String.format(Locale.ROOT, "memory %.1f%% of its limit", f.value().asDouble()) + ids(f))
                .orElse("memory not read (" + outcome(toolCalls, "stats") + ")"));
        figures.add(figure(facts, FactNames.CPU_PERCENT, cited)
                .map(f -> String.format(Locale.ROOT, "CPU %.1f%% of its allowance", f.value().asDouble()) + ids(f))
                .orElse("CPU not read (" + outcome(toolCalls, "stats") + ")"));
        Optional<Fact> probe = figure(facts, FactNames.PROBE_HEALTHY, cited);
        figures.add(probe.map(f -> "health probe " + f.summary()
                        + probeMillis(toolCalls).map(ms -> " in " + millis(ms)).orElse("") + ids(f))
                .orElse(toolCalls.stream().anyMatch(c -> c.tool().equals("probe"))
                        ? "health probe not answered (" + outcome(toolCalls, "probe") + ")"
                        : "no health probe (no usable aegis.health-url label)"));
        figure(facts, FactNames.RESTART_COUNT, cited)
                .ifPresent(f -> figures.add("restarted by the engine " + f.value().asLong() + " time(s)" + ids(f)));
        return String.join(", ", figures);
    }

    private static Optional<Fact> figure(List<Fact> facts, String name, Set<String> cited) {
        Optional<Fact> fact = facts.stream().filter(f -> f.name().equals(name)).findFirst();
        fact.ifPresent(f -> cited.add(f.id()));
        return fact;
    }

    private static Optional<Long> probeMillis(List<ToolCall> toolCalls) {
        return toolCalls.stream().filter(c -> c.tool().equals("probe") && c.millis() > 0).findFirst()
                .map(ToolCall::millis);
    }

    private static String outcome(List<ToolCall> toolCalls, String tool) {
        return toolCalls.stream().filter(c -> c.tool().equals(tool)).findFirst().map(ToolCall::outcome)
                .orElse("no " + tool + " read");
    }

    private static String problems(List<ToolCall> toolCalls) {
        List<String> failed = toolCalls.stream().filter(c -> !"ok".equals(c.outcome()))
                .map(c -> c.tool() + ": " + c.outcome()).toList();
        return failed.isEmpty() ? "no read answered" : String.join("; ", failed);
    }

    private static String names(List<AlertType> kinds) {
        return kinds.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String ids(Fact fact) {
        return " (" + fact.id() + ")";
    }

    private static String ids(List<String> factIds) {
        return factIds.isEmpty() ? "" : " (" + String.join(", ", factIds) + ")";
    }
}
