-- Every coverage record, one per row: what the verifier and the baseline read (on PostgreSQL the view also unnests
-- audit_record_set, db/vendor/postgresql/V192; on H2 the records are rows of audit_record only).
create view audit_record_all as
    select batch, pos, table_name, record_key, row_hash from audit_record;
