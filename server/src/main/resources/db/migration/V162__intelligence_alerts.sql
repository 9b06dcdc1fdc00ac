-- Alerts between agencies and Ferret nodes (org.ferret.intelligence, issue 14; docs/intelligence.md, "Alerts").
-- An alert keeps the id its origin node gave it, so the same alert is one row on every node that holds it; its
-- structured parts (sources, shipment profile, modus operandi, feedback, proposed indicators) are one JSON text.
create table intel_alert_group (
    id          uuid primary key,
    name        varchar(100) not null unique,
    created_by  varchar(64)  not null,
    created_at  timestamp with time zone not null
);

-- a member is a local agency code or 'node:<peer id>' (another country's Ferret node)
create table intel_alert_group_member (
    group_id    uuid         not null references intel_alert_group (id),
    member      varchar(100) not null,
    primary key (group_id, member)
);

-- topic or country null: any
create table intel_alert_subscription (
    id          uuid primary key,
    agency      varchar(100) not null,
    topic       varchar(32),
    country     varchar(2),
    created_by  varchar(64)  not null,
    created_at  timestamp with time zone not null
);
create index intel_alert_subscription_agency on intel_alert_subscription (agency);

create table intel_alert (
    id             uuid primary key,
    reference      varchar(60)   not null unique,
    alert_type     varchar(16)   not null,
    topic          varchar(32)   not null,
    title          varchar(200)  not null,
    summary        varchar(4000) not null,
    countries      varchar(100)  not null,
    audience       varchar(16)   not null,
    pass_on        varchar(32)   not null,
    valid_from     date          not null,
    valid_until    date          not null,
    origin_node    varchar(64)   not null,
    origin_agency  varchar(100)  not null,
    issued_by      varchar(64),
    issued_at      timestamp with time zone not null,
    group_id       uuid references intel_alert_group (id),
    answers        uuid,
    seizure_id     uuid,
    received_from  varchar(64),
    details        text          not null
);
create index intel_alert_issued_at on intel_alert (issued_at);
create index intel_alert_answers on intel_alert (answers);

-- who has it on this node (an agency code) or was sent it ('node:<peer id>'), and how far each got
create table intel_alert_recipient (
    alert_id        uuid         not null references intel_alert (id),
    recipient       varchar(100) not null,
    via             varchar(16)  not null,
    added_at        timestamp with time zone not null,
    added_by        varchar(64)  not null,
    document_id     uuid,
    read_at         timestamp with time zone,
    read_by         varchar(64),
    acknowledged_at timestamp with time zone,
    acknowledged_by varchar(64),
    primary key (alert_id, recipient)
);

create table intel_alert_adoption (
    alert_id     uuid        not null references intel_alert (id),
    indicator    int         not null,
    profile      varchar(32) not null,
    version      int         not null,
    rule_id      varchar(64) not null,
    adopted_by   varchar(64) not null,
    adopted_at   timestamp with time zone not null,
    primary key (alert_id, indicator, version)
);
