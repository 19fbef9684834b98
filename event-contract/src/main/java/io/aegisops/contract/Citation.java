package io.aegisops.contract;

/**
 * Something a diagnosis rests on and names, so a person can follow it: a fact of the investigation, a runbook
 * section, or a past incident.
 *
 * @param kind   what is cited
 * @param ref    the fact id ({@code F3}), the runbook section id, or the incident id
 * @param title  for people: the fact's name, the runbook title and section, the past incident's cause
 * @param detail one line: the fact's summary, the section's first words, what fixed the past incident
 */
public record Citation(Kind kind, String ref, String title, String detail) {

    /** The kinds of citation. */
    public enum Kind {
        FACT,
        RUNBOOK,
        INCIDENT
    }
}
