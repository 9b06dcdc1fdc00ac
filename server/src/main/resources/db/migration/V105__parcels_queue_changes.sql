-- Parcel screening (org.ferret.parcels), issue 11 part 2: the inspection queue's changes as an append-only history
-- (manual additions and removals with their reason, detector holds), so that parcel_decision's queue columns are a
-- projection of it; and the index the retention purge of released items walks. Portable SQL (H2 MODE=PostgreSQL and
-- PostgreSQL 15). PostgreSQL refuses updates and deletes of these tables by trigger (db/vendor/postgresql/V106).

create table parcel_queue_change (
    id              uuid primary key,
    declaration_id  uuid         not null,
    change_kind     varchar(12)  not null,
    reason          varchar(2000),
    changed_by      varchar(64)  not null,
    changed_at      timestamp with time zone not null
);
create index parcel_queue_change_declaration on parcel_queue_change(declaration_id);
create index parcel_decision_decided on parcel_decision(decided_at);
create index parcel_declaration_item on parcel_declaration(operator, item_id);
