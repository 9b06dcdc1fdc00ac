-- Record coverage in sets (PostgreSQL only; Flyway location db/vendor/{vendor}). A transaction's consecutive records
-- of one table are one row here: their keys and hashes as two arrays, at positions first_pos, first_pos + 1, … of the
-- batch. A batch of a hundred parcels then costs three rows and three index entries instead of four hundred rows and
-- eight hundred index entries (docs/benchmarks.md, Kafka, "the coverage records"). What the records mean, and the
-- digest their audit entry commits, are unchanged (V80). audit_record keeps the records written before, and H2's.
create table audit_record_set (
    batch        uuid        not null,
    first_pos    integer     not null,
    table_name   varchar(64) not null,
    record_keys  text[]      not null,
    row_hashes   text[]      not null,
    primary key (batch, first_pos),
    constraint audit_record_set_aligned check (cardinality(record_keys) = cardinality(row_hashes) and cardinality(record_keys) > 0)
);
-- hashes and keys do not compress: stored out of line as they are, no compression attempt on every insert
alter table audit_record_set alter column record_keys set storage external;
alter table audit_record_set alter column row_hashes set storage external;

create trigger audit_record_set_append_only before update or delete on audit_record_set
    for each row execute function ferret_refuse_change();

-- Every record, one per row, whichever way it was stored: what the verifier and the baseline read.
create view audit_record_all as
    select batch, pos, table_name::text as table_name, record_key::text as record_key, row_hash::text as row_hash
    from audit_record
    union all
    select s.batch, s.first_pos + (u.o - 1)::int, s.table_name::text, u.k, u.h
    from audit_record_set s cross join lateral unnest(s.record_keys, s.row_hashes) with ordinality as u(k, h, o);
