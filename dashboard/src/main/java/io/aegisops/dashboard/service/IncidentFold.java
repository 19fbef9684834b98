package io.aegisops.dashboard.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aegisops.contract.Action;
import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.Claim;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.MalformedEventException;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Severity;
import io.aegisops.contract.ToolCall;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the events of one incident into its card and timeline. The events are first put in one total order
 * (time, then a fixed rank per type, then event id) and de-duplicated by id, so any arrival order and any number
 * of redeliveries give the same result; within that order a later event wins per field. Two rules keep the
 * status from going backwards when services announce the same step at slightly different times, as
 * monitor-service does: a diagnosis only moves an OPEN incident, and nothing moves a closed one.
 */
public final class IncidentFold {

    /** The events' one order: time, then the natural order of the loop's steps, then id. */
    public static final Comparator<StoredEvent> ORDER = Comparator.comparing(StoredEvent::time)
            .thenComparingInt(e -> rank(e.type()))
            .thenComparing(StoredEvent::id);

    /** The types the war room folds; others are skipped so the contract can grow. */
    public static final Set<String> TYPES = Set.of(EventTypes.INCIDENT_OPENED, EventTypes.ALERT_JOINED,
            EventTypes.ALERT_RESOLVED, EventTypes.INCIDENT_STATUS_CHANGED, EventTypes.INVESTIGATION_COMPLETED,
            EventTypes.DIAGNOSIS_PROPOSED, EventTypes.APPROVAL_REQUESTED, EventTypes.APPROVAL_DECIDED,
            EventTypes.REMEDIATION_STAGE);

    private static final String[] RANKED = {EventTypes.INCIDENT_OPENED, EventTypes.ALERT_JOINED,
            EventTypes.ALERT_RESOLVED, EventTypes.INVESTIGATION_COMPLETED, EventTypes.DIAGNOSIS_PROPOSED,
            EventTypes.APPROVAL_REQUESTED, EventTypes.APPROVAL_DECIDED, EventTypes.REMEDIATION_STAGE,
            EventTypes.INCIDENT_STATUS_CHANGED};

    /** The fold of one incident. */
    public record Result(IncidentCard card, List<TimelineEntry> timeline) {
    }

    private IncidentFold() {
    }

    /**
     * @param incidentId the incident
     * @param events     its events in any order, possibly with duplicates; must not be empty
     * @throws MalformedEventException when an event's data is not its type's record
     */
    public static Result fold(String incidentId, Collection<StoredEvent> events) {
        Map<String, StoredEvent> unique = new LinkedHashMap<>();
        events.stream().map(IncidentFold::utc).sorted(ORDER).forEach(e -> unique.putIfAbsent(e.id(), e));
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("incident " + incidentId + " has no events to fold");
        }
        State state = new State(incidentId);
        unique.values().forEach(state::apply);
        return new Result(state.card(), List.copyOf(state.timeline));
    }

    static int rank(String type) {
        for (int i = 0; i < RANKED.length; i++) {
            if (RANKED[i].equals(type)) {
                return i;
            }
        }
        return RANKED.length;
    }

    private static StoredEvent utc(StoredEvent e) {
        return new StoredEvent(e.id(), e.type(), e.source(), e.time().withOffsetSameInstant(ZoneOffset.UTC), e.data());
    }

    private static <T> T data(StoredEvent event, Class<T> type) {
        try {
            return EventCodec.mapper().treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " has data that is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The card under construction; one instance per fold, fed in order. */
    private static final class State {
        private final String id;
        private final List<TimelineEntry> timeline = new ArrayList<>();
        private String target;
        private String service;
        private String container;
        private IncidentStatus status;
        private Severity severity;
        private final Set<AlertType> alertTypes = new LinkedHashSet<>();
        private int alertCount;
        private OffsetDateTime firstSeen;
        private OffsetDateTime lastSeen;
        private OffsetDateTime openedAt;
        private OffsetDateTime firstEventAt;
        private OffsetDateTime updatedAt;
        private OffsetDateTime closedAt;
        private OffsetDateTime resolvedAt;
        private OffsetDateTime diagnosedAt;
        private OffsetDateTime decidedAt;
        private OffsetDateTime actedAt;
        private String latestAlert;
        private Diagnosis diagnosis;
        private Investigation investigation;
        private ApprovalRequest request;
        private ApprovalDecision decision;
        private RemediationEvent remediation;
        private int eventCount;

        State(String id) {
            this.id = id;
        }

        void apply(StoredEvent e) {
            eventCount++;
            if (firstEventAt == null) {
                firstEventAt = e.time();
            }
            updatedAt = e.time();
            switch (e.type()) {
                case EventTypes.INCIDENT_OPENED, EventTypes.ALERT_JOINED, EventTypes.ALERT_RESOLVED -> alert(e);
                case EventTypes.INCIDENT_STATUS_CHANGED -> statusChanged(e);
                case EventTypes.INVESTIGATION_COMPLETED -> investigated(e);
                case EventTypes.DIAGNOSIS_PROPOSED -> diagnosis(e);
                case EventTypes.APPROVAL_REQUESTED -> requested(e);
                case EventTypes.APPROVAL_DECIDED -> decided(e);
                case EventTypes.REMEDIATION_STAGE -> stage(e);
                default -> eventCount--;
            }
        }

        private void alert(StoredEvent e) {
            AlertEvent data = data(e, AlertEvent.class);
            snapshot(data.incident());
            boolean opened = EventTypes.INCIDENT_OPENED.equals(e.type());
            if (opened && openedAt == null) {
                openedAt = e.time();
            }
            if (status == null) {
                move(data.incident() != null && data.incident().status() != null ? data.incident().status()
                        : IncidentStatus.OPEN, e.time());
            }
            AlertView alert = data.alert();
            String what = alert == null ? "alert" : alert.type() + " (" + alert.source() + ", " + alert.severity() + ")";
            String summary = alert == null ? null : alert.summary();
            String title = opened ? "Incident opened: " + what
                    : EventTypes.ALERT_RESOLVED.equals(e.type()) ? "Alert resolved at its source: " + what
                    : "Alert joined: " + what;
            if (alert != null) {
                latestAlert = alert.type() + ": " + alert.summary();
            }
            add(e, "alert", title, alert == null ? "monitor-service" : String.valueOf(alert.source()), summary,
                    alert == null || alert.evidence() == null ? List.of() : alert.evidence());
        }

        private void statusChanged(StoredEvent e) {
            IncidentView view = data(e, IncidentView.class);
            snapshot(view);
            IncidentStatus before = status;
            if (view.status() != null && (status == null || !status.isClosed())) {
                move(view.status(), e.time());
            }
            if (status != before) {
                add(e, "status", "Status → " + status, "monitor-service", null, List.of());
            }
        }

        /** The latest investigation in the fold's order is shown; each one stays in the timeline. */
        private void investigated(StoredEvent e) {
            Investigation i = data(e, Investigation.class);
            identify(i.target(), null, i.container());
            investigation = i;
            long corroborated = i.claims().stream().filter(Claim::corroborated).count();
            long millis = i.toolCalls().stream().mapToLong(ToolCall::millis).sum();
            String title = "Investigation: " + corroborated + " of " + i.claims().size() + " claims corroborated ("
                    + i.facts().size() + " facts, " + i.toolCalls().size() + " reads, " + millis + " ms in all)";
            String detail = i.claims().isEmpty() ? null : String.join("; ", i.claims().stream()
                    .map(c -> c.alertType() + (c.corroborated() ? " corroborated" : " NOT corroborated")
                            + (c.reason() == null ? "" : ": " + c.reason()))
                    .toList());
            add(e, "investigation", title, "monitor-service", detail, i.facts().stream()
                    .map(f -> f.id() + " " + f.name() + " (" + f.source() + "): " + f.summary()).toList());
        }

        private void diagnosis(StoredEvent e) {
            Diagnosis d = data(e, Diagnosis.class);
            identify(d.target(), d.service(), d.container());
            if (diagnosedAt == null) {
                diagnosedAt = e.time();
            }
            if (diagnosis == null || d.revision() >= diagnosis.revision()) {
                diagnosis = d;
            }
            if (status == null || status == IncidentStatus.OPEN) {
                move(IncidentStatus.DIAGNOSED, e.time());
            }
            String title = "Diagnosis" + (d.revision() > 1 ? " revision " + d.revision() : "") + ": " + d.action()
                    + " at " + percent(d.confidence()) + " confidence, "
                    + (d.corroborated() ? "corroborated" : "NOT corroborated — a human decides");
            StringBuilder detail = new StringBuilder(String.valueOf(d.rootCause()));
            if (d.justification() != null && !d.justification().isBlank()) {
                detail.append(" — ").append(d.justification());
            }
            double learned = learning(d);
            if (learned != 0) {
                detail.append(" (learning ").append(learned > 0 ? "+" : "").append(Math.round(learned * 100))
                        .append(" points over the rule's ").append(percent(d.baseConfidence())).append(')');
            }
            add(e, "diagnosis", title, "diagnosis-service (" + d.engine() + (d.ruleId() == null ? "" : ", rule "
                    + d.ruleId()) + ")", detail.toString(), d.evidence() == null ? List.of() : d.evidence());
        }

        private void requested(StoredEvent e) {
            ApprovalRequest r = data(e, ApprovalRequest.class);
            identify(r.target(), null, r.container());
            request = r;
            if (decision != null && !Objects.equals(decision.requestId(), r.requestId())) {
                decision = null;
            }
            add(e, "approval", "Approval requested: " + r.proposedAction() + " at " + percent(r.confidence())
                    + " confidence", "remediation-service", r.reason(), List.of());
        }

        private void decided(StoredEvent e) {
            ApprovalDecision d = data(e, ApprovalDecision.class);
            if (decidedAt == null) {
                decidedAt = e.time();
            }
            if (request == null || d.requestId() == null || Objects.equals(d.requestId(), request.requestId())) {
                decision = d;
            }
            StringBuilder title = new StringBuilder(label(d.decision()));
            if (d.action() != null) {
                title.append(" → ").append(d.action());
            }
            title.append(" by ").append(d.actor());
            String detail = join(d.reason(), d.feedback() == null ? null : "feedback: " + d.feedback());
            add(e, "decision", title.toString(), d.actor(), detail, List.of());
        }

        private void stage(StoredEvent e) {
            RemediationEvent r = data(e, RemediationEvent.class);
            identify(r.target(), null, r.container());
            remediation = r;
            if (r.stage() != RemediationStage.AWAITING_APPROVAL && decidedAt == null) {
                decidedAt = e.time();
            }
            if (r.stage() == RemediationStage.ACTING && actedAt == null) {
                actedAt = e.time();
            }
            if (status == null || !status.isClosed()) {
                move(r.stage().incidentStatus(), e.time());
            }
            String kind = r.stage() == RemediationStage.VERIFYING || r.stage() == RemediationStage.RESOLVED
                    ? "verification" : "remediation";
            add(e, kind, stageTitle(r), r.actor(), r.reason(), List.of());
        }

        private void snapshot(IncidentView view) {
            if (view == null) {
                return;
            }
            identify(view.target(), view.service(), view.container());
            if (view.severity() != null) {
                severity = severity == null ? view.severity() : severity.max(view.severity());
            }
            if (view.alertTypes() != null) {
                alertTypes.addAll(view.alertTypes());
            }
            alertCount = Math.max(alertCount, view.alertCount());
            if (view.firstSeen() != null) {
                OffsetDateTime seen = view.firstSeen().withOffsetSameInstant(ZoneOffset.UTC);
                firstSeen = firstSeen == null || seen.isBefore(firstSeen) ? seen : firstSeen;
            }
            if (view.lastSeen() != null) {
                OffsetDateTime seen = view.lastSeen().withOffsetSameInstant(ZoneOffset.UTC);
                lastSeen = lastSeen == null || seen.isAfter(lastSeen) ? seen : lastSeen;
            }
        }

        /** Later facts win, but a missing fact never erases a known one. */
        private void identify(String target, String service, String container) {
            this.target = target != null ? target : this.target;
            this.service = service != null ? service : this.service;
            this.container = container != null ? container : this.container;
        }

        private void move(IncidentStatus to, OffsetDateTime at) {
            status = to;
            if (to.isClosed() && closedAt == null) {
                closedAt = at;
            }
            if (to == IncidentStatus.RESOLVED && resolvedAt == null) {
                resolvedAt = at;
            }
        }

        private void add(StoredEvent e, String kind, String title, String actor, String detail, List<String> evidence) {
            timeline.add(new TimelineEntry(e.id(), e.time(), kind, title, actor, detail, List.copyOf(evidence)));
        }

        IncidentCard card() {
            IncidentStatus current = status == null ? IncidentStatus.OPEN : status;
            OffsetDateTime opened = openedAt != null ? openedAt : firstEventAt;
            OffsetDateTime start = firstSeen != null ? firstSeen : opened;
            IncidentCard.Durations durations = new IncidentCard.Durations(millis(start, opened),
                    millis(start, diagnosedAt), millis(start, decidedAt), millis(start, actedAt),
                    millis(start, resolvedAt));
            return new IncidentCard(id, target, service, container, current, current.isClosed(), severity,
                    List.copyOf(alertTypes), alertCount, firstSeen, lastSeen, opened, updatedAt,
                    current.isClosed() ? closedAt : null, latestAlert, diagnosisFacts(), investigationFacts(),
                    approvalFacts(current),
                    remediationFacts(), durations, eventCount);
        }

        private IncidentCard.DiagnosisFacts diagnosisFacts() {
            if (diagnosis == null) {
                return null;
            }
            Diagnosis d = diagnosis;
            return new IncidentCard.DiagnosisFacts(d.id(), d.revision(), d.rootCause(), d.action(), d.confidence(),
                    d.baseConfidence(), learning(d), d.evidence() == null ? List.of() : List.copyOf(d.evidence()),
                    d.justification(), d.engine(), d.ruleId(),
                    utc(d.diagnosedAt()), d.corroborated(), d.investigationId(), d.citations());
        }

        private IncidentCard.InvestigationFacts investigationFacts() {
            if (investigation == null) {
                return null;
            }
            Investigation i = investigation;
            return new IncidentCard.InvestigationFacts(i.id(), i.container(), i.triggerAlertId(), utc(i.startedAt()),
                    utc(i.completedAt()), i.facts().stream().map(f -> new IncidentCard.FactRow(f.id(), f.name(),
                    f.source(), f.summary(), utc(f.observedAt()))).toList(), i.claims(), i.toolCalls());
        }

        private IncidentCard.ApprovalFacts approvalFacts(IncidentStatus current) {
            if (request == null && decision == null) {
                return null;
            }
            ApprovalDecision d = decision;
            ApprovalRequest r = request;
            boolean pending = r != null && d == null && !current.isClosed();
            return new IncidentCard.ApprovalFacts(r != null ? r.requestId() : d.requestId(),
                    r == null ? null : r.proposedAction(), r == null ? 0 : r.confidence(),
                    r == null ? null : r.reason(),
                    r == null ? null : utc(r.requestedAt()),
                    pending, d == null ? null : d.decision(), d == null ? null : d.action(),
                    d == null ? null : d.actor(), d == null ? null : d.reason(), d == null ? null : d.feedback(),
                    d == null ? null : utc(d.decidedAt()));
        }

        private IncidentCard.RemediationFacts remediationFacts() {
            if (remediation == null) {
                return null;
            }
            RemediationEvent r = remediation;
            return new IncidentCard.RemediationFacts(r.remediationId(), r.action(), r.stage(), r.actor(), r.reason(),
                    utc(r.at()));
        }
    }

    private static OffsetDateTime utc(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String stageTitle(RemediationEvent r) {
        Action action = r.action();
        return switch (r.stage()) {
            case AWAITING_APPROVAL -> "Waiting for a human before " + action;
            case ACTING -> "Acting: " + action;
            case VERIFYING -> "Verifying health after " + action;
            case RESOLVED -> "Verified healthy: resolved";
            case FAILED -> action + " failed";
            case ESCALATED -> "Escalated to humans";
            case REJECTED -> "Rejected: nothing was done";
            case NO_ACTION -> "No action needed";
        };
    }

    private static String label(ApprovalDecision.Kind kind) {
        return switch (kind) {
            case APPROVE -> "Approved";
            case REJECT -> "Rejected";
            case OVERRIDE -> "Overridden";
            case REQUEST_CHANGES -> "Changes requested";
            case EXPIRE -> "Expired (nobody answered)";
        };
    }

    private static double learning(Diagnosis d) {
        return Math.round((d.confidence() - d.baseConfidence()) * 1000) / 1000.0;
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    private static String join(String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        return hasA && hasB ? a + "; " + b : hasA ? a : hasB ? b : null;
    }

    private static Long millis(OffsetDateTime from, OffsetDateTime to) {
        if (from == null || to == null) {
            return null;
        }
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
