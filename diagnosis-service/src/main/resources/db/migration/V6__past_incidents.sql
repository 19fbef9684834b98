-- diagnosis-service: past incidents, so that a new diagnosis can cite the closed incidents most like it. One row per
-- incident that closed (RESOLVED or REJECTED) after a diagnosis, rewritten when it closes again (a redelivered status,
-- RESOLVED after REJECTED) or a human decision on it arrives late: the key is the incident.
create table past_incident (
    incident_id     uuid primary key,
    diagnosis_id    uuid        not null,  -- the diagnosis current when it closed
    target          text,
    service         text,
    alert_types     text        not null,  -- comma-separated, first-seen order
    root_cause      text        not null,
    action          text        not null,  -- what was decided: a human's override, else the proposal
    proposed_action text        not null,  -- what the diagnosis proposed
    status          text        not null,  -- RESOLVED or REJECTED
    decision        text,                  -- the human decision (APPROVE, REJECT, OVERRIDE…), null when none
    decided_by      text,
    closed_at       timestamptz not null,  -- when this service heard it close (kept while the status is unchanged)
    body            text        not null,  -- the text that is embedded (IncidentText)
    -- all-MiniLM-L6-v2, 384 floats of unit length, so the cosine similarity is the dot product, computed by the
    -- query. No tsvector: past incidents are ranked by meaning alone, and their texts are written from templates.
    embedding       real[],
    model           text,                  -- the model that made the embedding; another one = embedded again
    updated_at      timestamptz not null
);
-- Embeddings still to make (the model failed, or changed) are found at start-up.
create index past_incident_unembedded on past_incident (incident_id) where embedding is null;
