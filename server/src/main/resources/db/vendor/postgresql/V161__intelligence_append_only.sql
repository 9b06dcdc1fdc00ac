-- PostgreSQL only (Flyway location db/vendor/{vendor}): the seizure tables are append-only by trigger, as the
-- registry's (V81) and the parcels' (V106) are. A seizure is not edited in this slice; a tracing outcome is
-- superseded by a later row, never changed.
create or replace function ferret_intel_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ferret: % on % refused: the table is append-only (see docs/operations.md)', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger intel_seizure_append_only before update or delete on intel_seizure
    for each row execute function ferret_intel_refuse_change();
create trigger intel_seizure_transit_append_only before update or delete on intel_seizure_transit
    for each row execute function ferret_intel_refuse_change();
create trigger intel_seizure_item_append_only before update or delete on intel_seizure_item
    for each row execute function ferret_intel_refuse_change();
create trigger intel_seizure_person_append_only before update or delete on intel_seizure_person
    for each row execute function ferret_intel_refuse_change();
create trigger intel_tracing_outcome_append_only before update or delete on intel_tracing_outcome
    for each row execute function ferret_intel_refuse_change();
