-- Parcel screening (org.ferret.parcels): advance data (one row per version of an item's declaration), the
-- decision each version got on arrival, detector verdicts, the inspection queue's manual changes and outcomes.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 15. Registry item ids carry no foreign key.

create table parcel_declaration (
    id                  uuid primary key,
    operator            varchar(40)  not null,
    item_id             varchar(40)  not null,
    version             int          not null,
    profile             varchar(20)  not null,
    site                varchar(40)  not null,
    direction           varchar(12)  not null,
    mail_class          varchar(20),
    posting_office      varchar(100),
    posted_on           date,
    origin              varchar(2),
    destination         varchar(2),
    category            varchar(20),
    category_explanation varchar(200),
    addressee_type      varchar(12),
    gross_weight_kg     double precision,
    total_value         double precision,
    currency            varchar(3),
    licence_number      varchar(100),
    certificate_number  varchar(100),
    invoice_number      varchar(100),
    sender_hash         varchar(64),
    addressee_hash      varchar(64),
    contents_json       varchar(20000) not null,
    profile_row         varchar(20000) not null,
    fingerprint         varchar(64)  not null,
    received_at         timestamp with time zone not null,
    submitted_by        varchar(64)  not null,
    constraint parcel_declaration_version unique (operator, item_id, version)
);
create index parcel_declaration_received on parcel_declaration(received_at);
create index parcel_declaration_sender on parcel_declaration(sender_hash);
create index parcel_declaration_addressee on parcel_declaration(addressee_hash);

-- Personal data of senders and addressees, apart from the declaration so that only roles that need it read it
-- (each read audited as READ_PERSONAL_DATA).
create table parcel_party (
    declaration_id  uuid         not null,
    party_role      varchar(10)  not null,
    name            varchar(200) not null,
    address         varchar(500) not null,
    postcode        varchar(20),
    country         varchar(2)   not null,
    phone           varchar(40),
    email           varchar(200),
    primary key (declaration_id, party_role)
);

-- The decision a declaration version got on arrival, and whether it is in its site's queue now.
create table parcel_decision (
    declaration_id  uuid primary key,
    site            varchar(40)  not null,
    screening_day   date         not null,
    score           double precision not null,
    critical_score  double precision,
    reasons         varchar(4000) not null,
    rules_hit       varchar(2000) not null,
    model_version   varchar(100) not null,
    rule_pack       varchar(200),
    threshold       double precision,
    decision        varchar(10)  not null,
    picked_by       varchar(12),
    in_queue        boolean      not null,
    queue_note      varchar(2000),
    decided_at      timestamp with time zone not null
);
create index parcel_decision_site_day on parcel_decision(site, screening_day);

create table parcel_detection (
    id              uuid primary key,
    declaration_id  uuid         not null,
    detected_class  varchar(24)  not null,
    confidence      double precision not null,
    image_ref       varchar(500) not null,
    box             varchar(100),
    held            boolean      not null,
    received_at     timestamp with time zone not null,
    submitted_by    varchar(64)  not null
);
create index parcel_detection_declaration on parcel_detection(declaration_id);

create table parcel_outcome (
    id              uuid primary key,
    declaration_id  uuid         not null unique,
    kind            varchar(24)  not null,
    component       varchar(24),
    construction    varchar(30),
    marked          boolean,
    notes           varchar(2000),
    picked_by       varchar(12)  not null,
    score           double precision not null,
    registry_item   uuid,
    recorded_by     varchar(64)  not null,
    recorded_at     timestamp with time zone not null
);
