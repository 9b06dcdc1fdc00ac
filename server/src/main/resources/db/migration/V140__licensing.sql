-- Transfer licensing (Protocol art. 10, issue 13): export licences with their art. 10(3) contents, transit states,
-- goods lines drawn down by shipments, the importing state's authorisation and transit states' no-objections,
-- the licence's named transitions, and exports recorded without a licence (flagged).
-- Portable SQL: H2 2.x (MODE=PostgreSQL) and PostgreSQL. Item and holder ids carry no foreign key (the registry
-- owns those tables and its retention purge may remove an item; a licence is kept).

create table licensing_licence (
    id                    uuid primary key,
    number                varchar(40)  not null unique,
    status                varchar(20)  not null,
    exporter              uuid         not null,
    place_of_issue        varchar(200) not null,
    country_of_export     varchar(2)   not null,
    country_of_import     varchar(2)   not null,
    final_recipient       varchar(300) not null,
    end_user_certificate  varchar(100) not null unique,
    transport             varchar(10)  not null,
    transhipment          boolean      not null,
    temporary_purpose     varchar(20),
    applied_on            date         not null,
    issued_on             date,
    expires_on            date         not null,
    verification_code     varchar(32)  unique,
    document              text,
    signature             varchar(200),
    signed_by             varchar(100),
    created_at            timestamp with time zone not null,
    created_by            varchar(64)  not null
);
create index licensing_licence_status on licensing_licence(status);

create table licensing_transit (
    licence_id  uuid       not null references licensing_licence(id),
    position    int        not null,
    country     varchar(2) not null,
    primary key (licence_id, position)
);

create table licensing_goods_line (
    licence_id   uuid         not null references licensing_licence(id),
    line_no      int          not null,
    item_id      uuid,
    description  varchar(300) not null,
    quantity     int          not null,
    used         int          not null,
    primary key (licence_id, line_no),
    constraint licensing_goods_line_quantity check (quantity > 0),
    constraint licensing_goods_line_used check (used >= 0 and used <= quantity)
);
create index licensing_goods_line_item on licensing_goods_line(item_id);

-- The importing state's import authorisation (art. 10(2)(a)) and each transit state's no-objection (art. 10(2)(b)).
create table licensing_authorisation (
    id           uuid primary key,
    licence_id   uuid         not null references licensing_licence(id),
    kind         varchar(30)  not null,
    country      varchar(2)   not null,
    reference    varchar(100) not null,
    given_on     date         not null,
    valid_until  date,
    source       varchar(100) not null,
    recorded_at  timestamp with time zone not null,
    recorded_by  varchar(64)  not null
);
create index licensing_authorisation_licence on licensing_authorisation(licence_id);

-- A shipment drawn down against a goods line; report_id makes each usage report apply once.
create table licensing_drawdown (
    id           uuid primary key,
    licence_id   uuid         not null references licensing_licence(id),
    line_no      int          not null,
    quantity     int          not null,
    item_id      uuid,
    event_id     uuid,
    report_id    varchar(100) not null unique,
    occurred_on  date         not null,
    recorded_at  timestamp with time zone not null,
    recorded_by  varchar(64)  not null,
    constraint licensing_drawdown_quantity check (quantity > 0)
);
create index licensing_drawdown_licence on licensing_drawdown(licence_id);

-- Every named transition of a licence (apply, issue, refuse, suspend, reinstate, revoke, expire, exhaust).
create table licensing_history (
    licence_id    uuid          not null references licensing_licence(id),
    seq           int           not null,
    transition    varchar(20)   not null,
    status_after  varchar(20)   not null,
    reason        varchar(2000),
    actor         varchar(64)   not null,
    at            timestamp with time zone not null,
    primary key (licence_id, seq)
);

-- Export events recorded without a licence while ferret.licensing.unlicensed-exports=FLAG.
create table licensing_unlicensed_export (
    event_id     uuid primary key,
    item_id      uuid         not null,
    country      varchar(2)   not null,
    occurred_on  date         not null,
    reference    varchar(100),
    reason       varchar(500) not null,
    recorded_at  timestamp with time zone not null
);
