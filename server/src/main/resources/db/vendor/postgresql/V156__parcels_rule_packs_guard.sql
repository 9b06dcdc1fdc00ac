-- PostgreSQL only: a rule pack version is never deleted, and once submitted its text, author and number never change
-- (only the workflow columns move on: state, approver, decided_at, decision_reason, superseded_at).
create or replace function ferret_parcels_rule_pack_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'ferret: DELETE on parcel_rule_pack refused: versions are kept' using errcode = 'insufficient_privilege';
    end if;
    if old.state <> 'DRAFT' and (to_jsonb(old) - 'state' - 'approver' - 'decided_at' - 'decision_reason' - 'superseded_at')
            <> (to_jsonb(new) - 'state' - 'approver' - 'decided_at' - 'decision_reason' - 'superseded_at') then
        raise exception 'ferret: UPDATE of a submitted rule pack version refused' using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
create trigger parcel_rule_pack_guard before update or delete on parcel_rule_pack
    for each row execute function ferret_parcels_rule_pack_guard();
