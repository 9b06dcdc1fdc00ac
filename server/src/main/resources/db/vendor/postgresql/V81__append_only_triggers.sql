-- PostgreSQL only (Flyway location db/vendor/{vendor}): append-only tables refuse UPDATE and DELETE by trigger.
-- See docs/operations.md "Threat model and what Ferret promises" for what this does and does not stop.
--
-- Refused always: UPDATE/DELETE on audit_log, audit_record, registry_event, registry_marking, registry_holder,
-- tracing_confirmation; DELETE on registry_item, and an UPDATE of registry_item that changes anything but its
-- projection columns (status, status_since, holder_id, fitted_to, marking_required), which the application rewrites
-- from the history. The one exception is the retention purge: ferret_retention_delete below sets the transaction-local
-- setting ferret.retention_purge, which the trigger lets through for DELETE on the registry tables only.

create or replace function ferret_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_table_name in ('registry_event', 'registry_marking', 'registry_item')
            and coalesce(current_setting('ferret.retention_purge', true), '') = 'on' then
        return old;
    end if;
    if tg_op = 'UPDATE' and tg_table_name = 'registry_item'
            and (to_jsonb(old) - 'status' - 'status_since' - 'holder_id' - 'fitted_to' - 'marking_required')
              = (to_jsonb(new) - 'status' - 'status_since' - 'holder_id' - 'fitted_to' - 'marking_required') then
        return new;
    end if;
    raise exception 'ferret: % on % refused: the table is append-only (see docs/operations.md)', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function ferret_refuse_change();
create trigger audit_record_append_only before update or delete on audit_record
    for each row execute function ferret_refuse_change();
create trigger registry_event_append_only before update or delete on registry_event
    for each row execute function ferret_refuse_change();
create trigger registry_marking_append_only before update or delete on registry_marking
    for each row execute function ferret_refuse_change();
create trigger registry_holder_append_only before update or delete on registry_holder
    for each row execute function ferret_refuse_change();
create trigger registry_item_append_only before update or delete on registry_item
    for each row execute function ferret_refuse_change();
create trigger tracing_confirmation_append_only before update or delete on tracing_confirmation
    for each row execute function ferret_refuse_change();

-- The retention purge's only way to delete registry rows. SECURITY DEFINER: it runs with the rights of the schema
-- owner (the migration role), so the application's role needs no DELETE grant on these tables, only EXECUTE on this.
-- It deletes only items recorded as destroyed or exported (the retention period itself is checked by
-- RetentionPurge, which audits the purge in the same transaction).
create or replace function ferret_retention_delete(ids uuid[]) returns integer language plpgsql security definer as $$
declare
    n integer;
begin
    if exists (select 1 from registry_item where id = any(ids) and status not in ('DESTROYED', 'EXPORTED')) then
        raise exception 'ferret: only destroyed or exported items are purged' using errcode = 'insufficient_privilege';
    end if;
    perform set_config('ferret.retention_purge', 'on', true);
    delete from registry_event where item_id = any(ids);
    delete from registry_marking where item_id = any(ids);
    delete from registry_item where id = any(ids);
    get diagnostics n = row_count;
    perform set_config('ferret.retention_purge', 'off', true);
    return n;
end;
$$;
