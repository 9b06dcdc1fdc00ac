-- Parcel screening (org.ferret.parcels): the items of a batch that were rejected, one row per problem, so that the
-- operator's submissions screen can list them with their reasons. A batch sent with allOrNothing=true that is
-- refused stores no declaration, but its rejections are kept here too (the operator sees why).
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.

create table parcel_rejection (
    id              uuid primary key,
    batch_id        uuid          not null,
    operator        varchar(40)   not null,
    item_index      int           not null,
    item_id         varchar(40),
    field           varchar(200)  not null,
    reason          varchar(2000) not null,
    whole_batch     boolean       not null,
    rejected_at     timestamp with time zone not null,
    submitted_by    varchar(64)   not null
);
create index parcel_rejection_operator on parcel_rejection(operator, rejected_at);
create index parcel_declaration_operator on parcel_declaration(operator, received_at);
