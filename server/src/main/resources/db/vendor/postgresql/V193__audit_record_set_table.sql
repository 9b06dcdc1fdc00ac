-- The sets of one table without a scan of them all: the start-up's question whether a covered table has any record
-- yet (CoverageBaseline), asked for every covered table at every start, and the verifier's records of one table.
-- One index entry per set, a few per transaction.
create index audit_record_set_table on audit_record_set(table_name);
