-- Online listings (org.ferret.intelligence, issue 14, web patrolling; docs/intelligence.md "Online listings").
-- A listing is stored as imported with the score it got then; its review and the lead it became are rows of their
-- own, and a lead's links to seizures and alerts are added rows: nothing here is updated.
create table intel_listing (
    id            uuid primary key,
    import_id     uuid          not null,
    position      int           not null,
    platform      varchar(60)   not null,
    url           varchar(2000) not null,
    url_key       varchar(64)   not null unique,
    title         varchar(300)  not null,
    body          varchar(20000),
    price         decimal(14, 2),
    currency      varchar(3),
    seller        varchar(100),
    listed_on     date,
    images        varchar(5200),
    score         double precision not null,
    category      varchar(12),
    reasons       varchar(8000) not null,
    model_version varchar(60)   not null,
    imported_by   varchar(64)   not null,
    imported_at   timestamp with time zone not null
);
create index intel_listing_score on intel_listing (score);

create table intel_listing_review (
    listing_id  uuid primary key references intel_listing (id),
    decision    varchar(12)  not null,
    note        varchar(2000),
    reviewed_by varchar(64)  not null,
    reviewed_at timestamp with time zone not null
);

create table intel_lead (
    id          uuid primary key,
    listing_id  uuid         not null unique references intel_listing (id),
    category    varchar(12)  not null,
    note        varchar(2000),
    created_by  varchar(64)  not null,
    created_at  timestamp with time zone not null
);

-- alert_id is a reference only (no foreign key): alerts are another part of the module.
create table intel_lead_link (
    id          uuid primary key,
    lead_id     uuid        not null references intel_lead (id),
    seizure_id  uuid        references intel_seizure (id),
    alert_id    uuid,
    linked_by   varchar(64) not null,
    linked_at   timestamp with time zone not null,
    constraint intel_lead_link_one check ((seizure_id is null) <> (alert_id is null))
);
create index intel_lead_link_lead on intel_lead_link (lead_id);
