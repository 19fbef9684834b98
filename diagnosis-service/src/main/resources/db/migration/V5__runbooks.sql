-- diagnosis-service: the runbook index. One row per '##' section of a runbook (the retrieval and citation unit),
-- with its embedding (all-MiniLM-L6-v2, 384 floats, compared in Java: there are tens of sections, not millions, so
-- no pgvector) and a full-text vector for exact words. Rebuilt at start-up for the sections whose hash changed.
create table runbook_section (
    id           text primary key,          -- '<file>#<heading slug>', e.g. 'oom-killed.md#facts-that-confirm-it'
    runbook      text        not null,      -- the file name
    title        text        not null,      -- the runbook's '# ' heading
    section      text        not null,      -- the section's '## ' heading
    position     int         not null,      -- the section's place in the runbook
    body         text        not null,      -- the section's text
    content_hash text        not null,      -- SHA-256 of model, headings and text: unchanged = not embedded again
    embedding    real[]      not null,
    indexed_at   timestamptz not null,
    tsv          tsvector generated always as (
        setweight(to_tsvector('english', title || ' ' || section), 'A') || to_tsvector('english', body)) stored
);

create index runbook_section_tsv on runbook_section using gin (tsv);
