-- Seizures (org.ferret.intelligence, issue 14; docs/intelligence.md). The non-nominal record (intel_seizure, its
-- transit countries and items) is kept apart from the persons (intel_seizure_person), which no export or analytics
-- query reads. Tracing outcomes are a history: the current outcome of an item is its latest row.
create table intel_seizure (
    id                  uuid primary key,
    reference           varchar(60)  not null unique,
    kind                varchar(12)  not null,
    seized_on           date         not null,
    country             varchar(2)   not null,
    locality            varchar(100),
    latitude            double precision,
    longitude           double precision,
    agency              varchar(100) not null,
    legal_justification varchar(24)  not null,
    criminal_context    varchar(24)  not null,
    conveyance          varchar(16)  not null,
    concealment         varchar(24)  not null,
    origin              varchar(2),
    destination         varchar(2),
    notes               varchar(2000),
    source              varchar(8)   not null,
    parcel_declaration  uuid unique,
    recorded_by         varchar(64)  not null,
    recorded_at         timestamp with time zone not null
);
create index intel_seizure_seized_on on intel_seizure (seized_on);

create table intel_seizure_transit (
    seizure_id  uuid       not null references intel_seizure (id),
    position    int        not null,
    country     varchar(2) not null,
    primary key (seizure_id, position)
);

create table intel_seizure_item (
    id                  uuid primary key,
    seizure_id          uuid        not null references intel_seizure (id),
    position            int         not null,
    item_type           varchar(12) not null,
    registry_item       uuid,
    registered_here     boolean     not null,
    item_kind           varchar(24),
    construction        varchar(30),
    marked              boolean,
    year_of_manufacture int,
    calibre             varchar(40),
    quantity            int,
    constraint intel_seizure_item_position unique (seizure_id, position)
);

create table intel_seizure_person (
    id          uuid primary key,
    seizure_id  uuid         not null references intel_seizure (id),
    position    int          not null,
    role        varchar(12)  not null,
    name        varchar(200) not null,
    nationality varchar(2),
    birth_year  int
);

create table intel_tracing_outcome (
    id              uuid primary key,
    seizure_item_id uuid        not null references intel_seizure_item (id),
    seq             int         not null,
    finding         varchar(30) not null,
    note            varchar(2000),
    recorded_by     varchar(64) not null,
    recorded_at     timestamp with time zone not null,
    constraint intel_tracing_outcome_seq unique (seizure_item_id, seq)
);
