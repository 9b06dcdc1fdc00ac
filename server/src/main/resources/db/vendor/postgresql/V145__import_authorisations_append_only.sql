-- PostgreSQL only: an import authorisation's drawdowns and the flagged unauthorised imports only ever grow (V143's
-- function). The authorisation row (its status) and its lines (the used count) are projections the application updates.
create trigger licensing_import_drawdown_append_only before update or delete on licensing_import_drawdown
    for each row execute function ferret_refuse_change();
create trigger licensing_unauthorised_import_append_only before update or delete on licensing_unauthorised_import
    for each row execute function ferret_refuse_change();
