-- Issue 13, Protocol art. 10: import authorisations issued by this state, drawn down by the registry's import
-- events, and the particulars an import or a transit event carries.
-- Portable SQL: H2 2.x (MODE=PostgreSQL) and PostgreSQL. Importer and item ids carry no foreign key (the registry owns
-- those tables).

-- registry_event: an import names the import authorisation it was made under; a transit names the country it went
-- on to, its no-objection or transit authorisation, and the day it left. Nullable, so existing rows keep their hashes.
alter table registry_event add column authorisation varchar(40);
alter table registry_event add column to_country varchar(2);
alter table registry_event add column until_on date;

create table licensing_import_authorisation (
    id                 uuid primary key,
    number             varchar(40)  not null unique,
    status             varchar(20)  not null,
    importer           uuid         not null,
    country_of_export  varchar(2)   not null,
    valid_from         date         not null,
    valid_until        date         not null,
    issued_at          timestamp with time zone not null,
    issued_by          varchar(64)  not null,
    revoked_reason     varchar(2000),
    constraint licensing_import_authorisation_dates check (valid_until >= valid_from)
);
create index licensing_import_authorisation_importer on licensing_import_authorisation(importer);

create table licensing_import_line (
    authorisation_id  uuid         not null references licensing_import_authorisation(id),
    line_no           int          not null,
    kind              varchar(30)  not null,
    description       varchar(300) not null,
    quantity          int          not null,
    used              int          not null,
    primary key (authorisation_id, line_no),
    constraint licensing_import_line_quantity check (quantity > 0),
    constraint licensing_import_line_used check (used >= 0 and used <= quantity)
);

-- One row per registry import event drawn down (the event id makes each apply once).
create table licensing_import_drawdown (
    event_id          uuid primary key,
    authorisation_id  uuid        not null references licensing_import_authorisation(id),
    line_no           int         not null,
    item_id           uuid        not null,
    occurred_on       date        not null,
    recorded_at       timestamp with time zone not null,
    recorded_by       varchar(64) not null
);
create index licensing_import_drawdown_authorisation on licensing_import_drawdown(authorisation_id);

-- Import events recorded without naming an authorisation while ferret.licensing.unauthorised-imports=FLAG.
create table licensing_unauthorised_import (
    event_id     uuid primary key,
    item_id      uuid         not null,
    country      varchar(2)   not null,
    occurred_on  date         not null,
    reference    varchar(100),
    recorded_at  timestamp with time zone not null
);
