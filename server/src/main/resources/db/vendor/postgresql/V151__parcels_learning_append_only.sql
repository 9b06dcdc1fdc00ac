-- PostgreSQL only (Flyway location db/vendor/{vendor}): the model versions of the learning loop (V150). A version is
-- never deleted and never changes but for its state (state, state_by, state_at, state_reason), whose every change
-- parcel_model_change records; that history is append-only.

create or replace function ferret_parcels_model_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and tg_table_name = 'parcel_model'
            and (to_jsonb(old) - 'state' - 'state_by' - 'state_at' - 'state_reason')
              = (to_jsonb(new) - 'state' - 'state_by' - 'state_at' - 'state_reason') then
        return new;
    end if;
    raise exception 'ferret: % on % refused: the table is append-only (see docs/operations.md)', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger parcel_model_append_only before update or delete on parcel_model
    for each row execute function ferret_parcels_model_refuse_change();
create trigger parcel_model_change_append_only before update or delete on parcel_model_change
    for each row execute function ferret_parcels_model_refuse_change();
