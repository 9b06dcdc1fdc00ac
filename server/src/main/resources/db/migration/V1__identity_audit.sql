-- Identity: agencies, users, roles, API tokens. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.
create table agency (
    id          uuid primary key,
    code        varchar(32)  not null unique,
    name        varchar(200) not null,
    kind        varchar(32)  not null,
    country     char(2)      not null,
    created_at  timestamp with time zone not null
);

create table app_user (
    id            uuid primary key,
    username      varchar(64)  not null unique,
    display_name  varchar(200) not null,
    password_hash varchar(200) not null,
    agency_id     uuid not null references agency(id),
    enabled       boolean not null,
    created_at    timestamp with time zone not null
);

create table user_role (
    user_id uuid not null references app_user(id),
    role    varchar(32) not null,
    primary key (user_id, role)
);

create table api_token (
    id          uuid primary key,
    name        varchar(100) not null,
    token_hash  char(64) not null unique,
    prefix      varchar(16) not null,
    user_id     uuid not null references app_user(id),
    role        varchar(32) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone,
    revoked_at  timestamp with time zone,
    last_used_at timestamp with time zone
);

-- Audit: append-only, hash-chained. Each row's hash covers its content and the previous row's hash.
create table audit_log (
    seq          bigint primary key,
    at           timestamp with time zone not null,
    actor        varchar(64)  not null,
    agency       varchar(32),
    action       varchar(64)  not null,
    entity_type  varchar(64)  not null,
    entity_id    varchar(100),
    before_json  text,
    after_json   text,
    prev_hash    char(64) not null,
    hash         char(64) not null
);
create index audit_log_entity on audit_log(entity_type, entity_id);
create index audit_log_at on audit_log(at);

-- One row: the chain's head. Appends lock it, so the chain stays linear under concurrency,
-- and a deleted tail is detected by comparing it with the last row.
create table audit_head (
    id        integer primary key,
    last_seq  bigint not null,
    last_hash char(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
