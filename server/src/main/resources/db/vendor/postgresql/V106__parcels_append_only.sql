-- PostgreSQL only (Flyway location db/vendor/{vendor}): the parcels tables are append-only by trigger, as the
-- registry's are (V81). Refused always: UPDATE and DELETE on parcel_declaration, parcel_party, parcel_detection,
-- parcel_outcome, parcel_queue_change; DELETE on parcel_decision, and an UPDATE of parcel_decision that changes
-- anything but its queue projection (decision, picked_by, in_queue, queue_note), which follows parcel_queue_change.
-- The one exception is the retention purge of released items: ferret_parcels_retention_delete below sets the
-- transaction-local setting ferret.parcels_retention_purge, which the trigger lets through for DELETE only.

create or replace function ferret_parcels_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('ferret.parcels_retention_purge', true), '') = 'on' then
        return old;
    end if;
    if tg_op = 'UPDATE' and tg_table_name = 'parcel_decision'
            and (to_jsonb(old) - 'decision' - 'picked_by' - 'in_queue' - 'queue_note')
              = (to_jsonb(new) - 'decision' - 'picked_by' - 'in_queue' - 'queue_note') then
        return new;
    end if;
    raise exception 'ferret: % on % refused: the table is append-only (see docs/operations.md)', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger parcel_declaration_append_only before update or delete on parcel_declaration
    for each row execute function ferret_parcels_refuse_change();
create trigger parcel_party_append_only before update or delete on parcel_party
    for each row execute function ferret_parcels_refuse_change();
create trigger parcel_decision_append_only before update or delete on parcel_decision
    for each row execute function ferret_parcels_refuse_change();
create trigger parcel_detection_append_only before update or delete on parcel_detection
    for each row execute function ferret_parcels_refuse_change();
create trigger parcel_outcome_append_only before update or delete on parcel_outcome
    for each row execute function ferret_parcels_refuse_change();
create trigger parcel_queue_change_append_only before update or delete on parcel_queue_change
    for each row execute function ferret_parcels_refuse_change();

-- The retention purge's only way to delete parcels rows (SECURITY DEFINER, as ferret_retention_delete). It deletes the
-- given declaration versions with their parties, decisions, detections and queue changes, and refuses any version
-- that has an inspection outcome (an inspected item is kept with its outcome; the retention period itself is checked
-- by ParcelRetention, which audits the purge in the same transaction).
create or replace function ferret_parcels_retention_delete(ids uuid[]) returns integer language plpgsql security definer as $$
declare
    n integer;
begin
    if exists (select 1 from parcel_outcome where declaration_id = any(ids)) then
        raise exception 'ferret: an inspected parcel is kept with its outcome' using errcode = 'insufficient_privilege';
    end if;
    perform set_config('ferret.parcels_retention_purge', 'on', true);
    delete from parcel_queue_change where declaration_id = any(ids);
    delete from parcel_detection where declaration_id = any(ids);
    delete from parcel_party where declaration_id = any(ids);
    delete from parcel_decision where declaration_id = any(ids);
    delete from parcel_declaration where id = any(ids);
    get diagnostics n = row_count;
    perform set_config('ferret.parcels_retention_purge', 'off', true);
    return n;
end;
$$;
