package io.aegisops.diagnosis.service;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Claim;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.Investigation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ties an engine's proposal to what AegisOps observed itself: whether the claim it acts on is corroborated by the
 * investigation, the facts it cites (checked to exist, so an engine cannot cite what was never seen), and the cap on
 * its confidence when nothing corroborates it. Exists apart from the engines so every engine, rules or model, is
 * held to the same standard, and apart from {@link DiagnosisService} so each rule of it is a unit test.
 *
 * @param corroborated true when the deciding claim is shown by a fact (or the conclusion rests on facts alone)
 * @param confidence   the confidence after the cap
 * @param citations    the facts cited, in order: the engine's own, then the claim's, then the logs
 * @param evidence     lines to put first in the diagnosis' evidence: the corroboration, then each cited fact
 * @param note         a sentence for the justification when the cap applied or facts were missing; null otherwise
 */
public record Grounding(boolean corroborated, double confidence, List<Citation> citations, List<String> evidence,
                        String note) {

    static final int MAX_DETAIL = 300;

    /**
     * @param proposal      the engine's proposal
     * @param confidence    its confidence after learning
     * @param investigation the incident's latest investigation, null when there is none
     * @param cap           the highest confidence an uncorroborated diagnosis may carry
     */
    public static Grounding of(ProposedDiagnosis proposal, double confidence, Investigation investigation, double cap) {
        if (investigation == null) {
            return new Grounding(false, Math.min(confidence, cap), List.of(),
                    List.of("corroboration: no investigation of the target is available, so no claim is corroborated"),
                    capNote(confidence, cap, "no facts about the target are available"));
        }
        AlertType type = proposal.primaryAlertType();
        Optional<Claim> claim = type == null ? Optional.empty() : investigation.claimFor(type);
        List<String> observed = proposal.factIds().stream().filter(id -> investigation.fact(id).isPresent()).toList();
        boolean onFacts = proposal.onFactsOnly() && !observed.isEmpty();
        boolean corroborated = onFacts || claim.map(Claim::corroborated).orElse(false);
        Set<String> cited = new LinkedHashSet<>(observed);
        claim.ifPresent(c -> c.factIds().stream().filter(id -> investigation.fact(id).isPresent()).forEach(cited::add));
        investigation.factNamed(FactNames.LOGS).ifPresent(logs -> cited.add(logs.id()));
        List<Fact> facts = cited.stream().map(id -> investigation.fact(id).orElseThrow()).toList();
        List<Citation> citations = facts.stream().map(Grounding::citation).toList();
        List<String> evidence = new ArrayList<>();
        evidence.add(onFacts ? "corroboration: the conclusion rests on facts AegisOps observed itself ("
                + String.join(", ", observed) + ")" : corroborationLine(claim));
        facts.stream().filter(f -> !FactNames.LOGS.equals(f.name()))
                .forEach(f -> evidence.add("fact " + f.id() + " (" + f.source() + "): " + clip(f.summary())));
        String why = claim.map(Claim::reason).orElse(type == null
                ? "the conclusion does not rest on an alert's claim that facts show"
                : "the investigation has no claim for " + type);
        return corroborated
                ? new Grounding(true, confidence, citations, evidence, null)
                : new Grounding(false, Math.min(confidence, cap), citations, evidence, capNote(confidence, cap, why));
    }

    private static String corroborationLine(Optional<Claim> claim) {
        return claim.map(c -> "corroboration: the " + c.alertType() + " claim is "
                        + (c.corroborated() ? "corroborated" : "NOT corroborated")
                        + (c.factIds().isEmpty() ? "" : " (" + String.join(", ", c.factIds()) + ")") + ": " + c.reason())
                .orElse("corroboration: no claim of the investigation covers this conclusion");
    }

    private static Citation citation(Fact fact) {
        return new Citation(Citation.Kind.FACT, fact.id(), fact.name() + " (" + fact.source() + ")", clip(fact.summary()));
    }

    private static String capNote(double confidence, double cap, String why) {
        if (confidence <= cap) {
            return "Not corroborated: " + why + "; a human decides.";
        }
        return "Not corroborated: " + why + "; the confidence is capped at " + LearnedConfidence.two(cap)
                + " (from " + LearnedConfidence.two(confidence) + ") so a human decides.";
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
    }
}
