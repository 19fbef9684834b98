package io.aegisops.remediation.messaging;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.MalformedEventException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks incoming event data before anything is decided on it. An event that fails is malformed for good, so it
 * goes to the dead-letter topic with every problem named, instead of being retried or half-applied.
 */
final class EventValidation {

    static final int MAX_TEXT = 200;

    private EventValidation() {
    }

    static Diagnosis diagnosis(CloudEvent event, Diagnosis d) {
        List<String> problems = new ArrayList<>();
        if (d == null) {
            throw new MalformedEventException("event " + event.id() + " has no diagnosis data");
        }
        requireText(problems, d.id(), "id");
        requireUuid(problems, d.incidentId(), "incidentId");
        requireText(problems, d.target(), "target");
        if (d.action() == null) {
            problems.add("action is required");
        }
        if (Double.isNaN(d.confidence()) || d.confidence() < 0 || d.confidence() > 1) {
            problems.add("confidence must be between 0 and 1, was " + d.confidence());
        }
        if (d.revision() < 1) {
            problems.add("revision must be at least 1, was " + d.revision());
        }
        if (d.container() != null && d.container().length() > MAX_TEXT) {
            problems.add("container must be at most " + MAX_TEXT + " characters");
        }
        sameIncident(problems, event, d.incidentId());
        throwIfAny(event, "Diagnosis", problems);
        return d;
    }

    static ApprovalDecision decision(CloudEvent event, ApprovalDecision d) {
        List<String> problems = new ArrayList<>();
        if (d == null) {
            throw new MalformedEventException("event " + event.id() + " has no decision data");
        }
        requireUuid(problems, d.requestId(), "requestId");
        requireUuid(problems, d.incidentId(), "incidentId");
        if (d.decision() == null) {
            problems.add("decision is required");
        }
        if (d.actor() != null && d.actor().length() > MAX_TEXT) {
            problems.add("actor must be at most " + MAX_TEXT + " characters");
        }
        sameIncident(problems, event, d.incidentId());
        throwIfAny(event, "ApprovalDecision", problems);
        return d;
    }

    private static void sameIncident(List<String> problems, CloudEvent event, String incidentId) {
        if (event.incidentid() != null && incidentId != null && !event.incidentid().equals(incidentId)) {
            problems.add("incidentId " + incidentId + " differs from the event's incidentid " + event.incidentid());
        }
    }

    private static void requireText(List<String> problems, String value, String field) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        } else if (value.length() > MAX_TEXT) {
            problems.add(field + " must be at most " + MAX_TEXT + " characters");
        }
    }

    private static void requireUuid(List<String> problems, String value, String field) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
            return;
        }
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            problems.add(field + " '" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "' is not a UUID");
        }
    }

    private static void throwIfAny(CloudEvent event, String type, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new MalformedEventException("event " + event.id() + ": invalid " + type + ": " + String.join("; ", problems));
        }
    }
}
