-- Print-file screening (issue 16): the fingerprint library, screenings held for review, and held file bytes.

-- Known parts: fingerprints computed locally from an uploaded file (the file is not kept), with the hashes of the
-- files they came from. Each added part raises the library version (library_version = the version it made).
create table prints_known_part (
    id              varchar(80)   primary key,
    library_version bigint        not null unique,
    part_type       varchar(120)  not null,
    source          varchar(200)  not null,
    sha256          varchar(4000) not null,
    fingerprint     varchar(8000) not null,
    added_by        varchar(100)  not null,
    added_at        timestamp with time zone not null
);

-- Screenings answered review or block: hash, fingerprint and evidence kept as evidence, and the reviewer's decision.
-- Allowed files leave nothing here (only the audit entry).
create table prints_held (
    id              uuid          primary key,
    client          varchar(100)  not null,
    file_name       varchar(300)  not null,
    sha256          char(64)      not null,
    verdict         varchar(10)   not null,
    screening_json  text          not null,
    fingerprint     varchar(8000),
    library_version bigint        not null,
    screened_at     timestamp with time zone not null,
    outcome         varchar(20),
    disposition     varchar(20),
    decision_reason varchar(2000),
    decided_by      varchar(100),
    decided_at      timestamp with time zone
);
create index prints_held_open on prints_held (decided_at, screened_at);

-- The file bytes of a held screening, only until the reviewer decides: deleted on discard, kept on keep.
create table prints_held_file (
    held_id uuid  primary key references prints_held (id),
    bytes   bytea not null
);
