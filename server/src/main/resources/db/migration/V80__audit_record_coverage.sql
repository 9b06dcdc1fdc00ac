-- Record coverage: the content hash of every covered registry (and tracing) row, written in the transaction that
-- wrote the row. Each transaction's records form a batch; the audit entry that commits the transaction names the
-- batch with its record count and a digest over the batch's records in order (cover_* columns, part of the entry's
-- hash), so the records cannot be changed, removed or added without breaking the chain. A row's latest record
-- (by the entry's seq, then pos) is what the row must hash to now; a record without a hash releases the row
-- (deleted by the audited retention purge). Append-only, like audit_log.
create table audit_record (
    batch       uuid         not null,
    pos         integer      not null,
    table_name  varchar(64)  not null,
    record_key  varchar(200) not null,
    row_hash    char(64),
    primary key (batch, pos)
);
create index audit_record_key on audit_record(table_name, record_key);

alter table audit_log add column cover_batch uuid;
alter table audit_log add column cover_count bigint;
alter table audit_log add column cover_digest char(64);
create index audit_log_cover_batch on audit_log(cover_batch);
