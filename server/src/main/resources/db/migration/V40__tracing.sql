-- Tracing: confirmations of search candidates, trace requests (ITI), hit notifications, signed node documents.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 15. Item ids refer to registry_item but carry
-- no foreign key: tracing keeps its records even when the registry's retention purge removes an item.

-- A user's decision that a search candidate is (or is not) the item in hand, after checking it physically.
create table tracing_confirmation (
    id              uuid primary key,
    item_id         uuid not null,
    pattern         varchar(100) not null,
    serial          varchar(40)  not null,
    decision        varchar(12)  not null,
    trace_request   uuid,
    note            varchar(2000),
    decided_by      varchar(64)  not null,
    agency          varchar(32),
    decided_at      timestamp with time zone not null
);
create index tracing_confirmation_item on tracing_confirmation(item_id);

-- One trace request, received here (INCOMING, answered here) or sent to another node (OUTGOING).
create table trace_request (
    id                      uuid primary key,
    direction               varchar(10)  not null,
    status                  varchar(20)  not null,
    requesting_agency       varchar(200) not null,
    requesting_country      varchar(2)   not null,
    case_reference          varchar(100) not null,
    legal_basis             varchar(2000) not null,
    illicit_context         varchar(2000) not null,
    recovery_circumstances  varchar(2000) not null,
    recovery_place          varchar(200) not null,
    recovered_on            date not null,
    markings_json           text not null,
    item_type               varchar(30),
    make                    varchar(200),
    model                   varchar(200),
    calibre                 varchar(40),
    country_of_origin       varchar(2),
    urgency                 varchar(10)  not null,
    intended_use            varchar(2000) not null,
    received_at             timestamp with time zone not null,
    acknowledge_due         timestamp with time zone not null,
    answer_due              timestamp with time zone not null,
    acknowledged_at         timestamp with time zone,
    answered_at             timestamp with time zone,
    closed_at               timestamp with time zone,
    confirmed_item          uuid,
    answer_json             text,
    peer_node               varchar(64),
    peer_reference          uuid,
    created_by              varchar(64) not null,
    version                 integer not null
);
create index trace_request_status on trace_request(status, answer_due);
create unique index trace_request_peer on trace_request(peer_node, peer_reference, direction);

-- Candidates proposed for a trace request, and the officer's decision on each.
create table trace_candidate (
    trace_request   uuid not null references trace_request(id),
    item_id         uuid not null,
    serial          varchar(40) not null,
    score           decimal(5, 3) not null,
    summary         varchar(400) not null,
    explanation     text not null,
    decision        varchar(12) not null,
    decided_by      varchar(64),
    decided_at      timestamp with time zone,
    primary key (trace_request, item_id)
);

-- Hit notifications to an agency (e.g. an item it reported stolen was seized).
create table tracing_notification (
    id              uuid primary key,
    agency          varchar(32) not null,
    kind            varchar(30) not null,
    item_id         uuid not null,
    trigger_item    uuid not null,
    trigger_event   varchar(30) not null,
    message         varchar(2000) not null,
    created_at      timestamp with time zone not null,
    read_at         timestamp with time zone
);
create index tracing_notification_agency on tracing_notification(agency, created_at);
create unique index tracing_notification_once on tracing_notification(item_id, trigger_item, trigger_event, agency);

-- Signed documents exchanged with other Ferret nodes. OUT rows are the outbox (retried until delivered);
-- IN rows remember every accepted document id and nonce so that a replay is refused.
create table tracing_node_document (
    document_id     uuid primary key,
    direction       varchar(3)  not null,
    peer_node       varchar(64) not null,
    kind            varchar(20) not null,
    nonce           varchar(64) not null,
    trace_request   uuid,
    body            text not null,
    signature       varchar(200) not null,
    status          varchar(12) not null,
    attempts        integer not null,
    next_attempt_at timestamp with time zone,
    last_error      varchar(2000),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone
);
create unique index tracing_node_document_nonce on tracing_node_document(peer_node, nonce, direction);
create index tracing_node_document_pending on tracing_node_document(direction, status, next_attempt_at);
