-- Registry: items, markings, append-only lifecycle events, holders (Protocol arts. 7, 8, 9).
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.

create table registry_holder (
    id              uuid primary key,
    holder_type     varchar(20)  not null,
    holder_role     varchar(20)  not null,
    name            varchar(200) not null,
    licence_number  varchar(60),
    country         varchar(2),
    registered_at   timestamp with time zone not null
);
create index registry_holder_licence on registry_holder(licence_number);

-- One row per item. status, status_since, holder_id, fitted_to and marking_required are a projection:
-- rewritten only from the derivation over registry_event / registry_marking, never set on their own.
create table registry_item (
    id                      uuid primary key,
    external_ref            varchar(100),
    category                varchar(30)  not null,
    kind                    varchar(30)  not null,
    manufacturer            varchar(200),
    model                   varchar(200),
    calibre                 varchar(40),
    country_of_manufacture  varchar(2),
    year_of_manufacture     integer,
    construction            varchar(40),
    quantity                integer,
    status                  varchar(30)  not null,
    status_since            date,
    holder_id               uuid,
    fitted_to               uuid,
    marking_required        boolean      not null,
    import_job              uuid,
    registered_at           timestamp with time zone not null,
    registered_by           varchar(64)
);
create unique index registry_item_external_ref on registry_item(external_ref);
create index registry_item_marking_required on registry_item(marking_required, registered_at);
create index registry_item_status on registry_item(status, status_since);
create index registry_item_fitted_to on registry_item(fitted_to);

-- Markings are never changed once recorded; event_id is the MARKING event for markings added after registration.
create table registry_marking (
    id                  uuid primary key,
    item_id             uuid not null references registry_item(id),
    mark_order          integer not null,
    kind                varchar(30) not null,
    manufacturer        varchar(200),
    country_or_place    varchar(100),
    serial_number       varchar(40),
    serial_normalised   varchar(40),
    mark_year           integer,
    import_country      varchar(2),
    import_year         integer,
    model               varchar(200),
    calibre             varchar(40),
    geometric_symbols   varchar(100),
    symbol_code         varchar(60),
    location            varchar(200),
    method              varchar(30),
    recorded_at         timestamp with time zone not null,
    event_id            uuid
);
create index registry_marking_serial on registry_marking(serial_normalised);
create index registry_marking_item on registry_marking(item_id);

-- Append-only history: the application never updates or deletes a row (only the retention purge removes
-- whole records past retention). A correction is a new row naming the corrected one in corrects_event.
create table registry_event (
    id                      uuid primary key,
    item_id                 uuid not null references registry_item(id),
    seq                     integer not null,
    event_type              varchar(30) not null,
    occurred_on             date not null,
    recorded_at             timestamp with time zone not null,
    recorded_by             varchar(64),
    holder_id               uuid,
    country                 varchar(2),
    place                   varchar(200),
    reference               varchar(100),
    note                    text,
    related_item            uuid,
    corrects_event          uuid,
    reason                  text,
    certificate_number      varchar(100),
    standard_applied        varchar(200),
    verifying_authority     varchar(200),
    deactivation_mark       varchar(200),
    destruction_method      varchar(200),
    witness                 varchar(200),
    constraint registry_event_seq unique (item_id, seq)
);
create index registry_event_related on registry_event(related_item);
