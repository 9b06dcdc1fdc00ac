-- PostgreSQL only (Flyway location db/vendor/{vendor}): the licensing tables that only ever grow are append-only by
-- trigger, as the registry's are (V81, same function): UPDATE and DELETE refused on licensing_drawdown (shipments),
-- licensing_receipt (proofs of receipt), licensing_history (transitions), licensing_authorisation (other states'
-- answers) and licensing_transit. The licence row (its status), its goods lines (the used count) and node requests
-- (their answer) are projections the application updates.
create trigger licensing_drawdown_append_only before update or delete on licensing_drawdown
    for each row execute function ferret_refuse_change();
create trigger licensing_receipt_append_only before update or delete on licensing_receipt
    for each row execute function ferret_refuse_change();
create trigger licensing_history_append_only before update or delete on licensing_history
    for each row execute function ferret_refuse_change();
create trigger licensing_authorisation_append_only before update or delete on licensing_authorisation
    for each row execute function ferret_refuse_change();
create trigger licensing_transit_append_only before update or delete on licensing_transit
    for each row execute function ferret_refuse_change();
