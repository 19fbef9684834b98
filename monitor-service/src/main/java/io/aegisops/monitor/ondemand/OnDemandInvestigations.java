package io.aegisops.monitor.ondemand;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Claim;
import io.aegisops.contract.ToolCall;
import io.aegisops.monitor.investigation.ClaimedAlert;
import io.aegisops.monitor.investigation.Corroborator;
import io.aegisops.monitor.investigation.Findings;
import io.aegisops.monitor.investigation.InvestigationConfig;
import io.aegisops.monitor.investigation.Investigator;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers a question about a target without an incident: the incident investigator gathers the facts (same
 * read-only calls, same deadline, same opt-in rule), the incident corroborator judges every fault kind as of when the
 * question was asked, and {@link Conclusions} writes the answer. Runs on the caller's thread, a few at a time
 * ({@link OnDemandGate}), since the asker waits for the report.
 */
@ApplicationScoped
public class OnDemandInvestigations {

    private static final Logger LOG = Logger.getLogger(OnDemandInvestigations.class);

    private final Investigator investigator;
    private final Corroborator corroborator;
    private final OnDemandReports reports;
    private final OnDemandGate gate;
    private final InvestigationConfig config;

    public OnDemandInvestigations(Investigator investigator, Corroborator corroborator, OnDemandReports reports,
                                  OnDemandGate gate, InvestigationConfig config) {
        this.investigator = investigator;
        this.corroborator = corroborator;
        this.reports = reports;
        this.gate = gate;
        this.config = config;
    }

    /**
     * Investigates, stores and returns the report.
     *
     * @param target   a container name or service of an opted-in container
     * @param question what the person wants to know, e.g. "why is checkout slow?"
     * @param askedBy  the authenticated principal who asked, recorded in the report
     * @throws InvestigationsBusyException  when as many as allowed are running
     * @throws TargetNotMonitoredException  when no opted-in container has that name or service
     * @throws EngineUnavailableException   when the engine could not be asked
     */
    public OnDemandReport ask(String target, String question, String askedBy) {
        if (!gate.tryEnter()) {
            throw new InvestigationsBusyException(config.onDemand().concurrency(), config.onDemand().retryAfter());
        }
        try {
            OffsetDateTime askedAt = OffsetDateTime.now(ZoneOffset.UTC);
            Findings findings = investigator.investigateNamed(target)
                    .orElseThrow(() -> new TargetNotMonitoredException(target));
            if (findings.container() == null) {
                throw new EngineUnavailableException(findings.toolCalls().stream()
                        .map(ToolCall::outcome).collect(Collectors.joining("; ")));
            }
            List<AlertType> asked = QuestionKinds.of(question);
            List<ClaimedAlert> kinds = Conclusions.order(asked).stream()
                    .map(kind -> ClaimedAlert.asked(kind, askedAt)).toList();
            List<Claim> claims = corroborator.claims(kinds, findings.facts());
            Conclusions.Drawn drawn = Conclusions.draw(question, findings.target(), findings.container(), asked,
                    claims, findings.facts(), findings.toolCalls());
            OnDemandReport report = new OnDemandReport(UUID.randomUUID().toString(), findings.target(),
                    findings.container(), question, askedAt, askedBy, findings.completedAt(), findings.toolCalls(),
                    findings.facts(), drawn.conclusion(), drawn.citations());
            reports.store(report);
            LOG.infof("On-demand investigation of %s: %s", findings.container(), claims.stream()
                    .filter(Claim::corroborated).map(c -> c.alertType().name()).collect(Collectors.joining(", ",
                            "observed [", "]")));
            return report;
        } finally {
            gate.leave();
        }
    }
}
