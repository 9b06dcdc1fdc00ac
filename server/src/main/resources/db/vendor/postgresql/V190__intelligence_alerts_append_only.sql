-- PostgreSQL only: the alert tables that only ever grow are append-only by trigger, as the seizure tables are (V161):
-- an alert, a closed user group and its members, and an adopted indicator are never changed or removed. A
-- recipient row is updated when its agency reads or acknowledges the alert, never removed; a subscription is
-- removed when its agency ends it. All six are under record coverage (intelligence.internal.AlertCoverage).
create trigger intel_alert_append_only before update or delete on intel_alert
    for each row execute function ferret_intel_refuse_change();
create trigger intel_alert_group_append_only before update or delete on intel_alert_group
    for each row execute function ferret_intel_refuse_change();
create trigger intel_alert_group_member_append_only before update or delete on intel_alert_group_member
    for each row execute function ferret_intel_refuse_change();
create trigger intel_alert_adoption_append_only before update or delete on intel_alert_adoption
    for each row execute function ferret_intel_refuse_change();
create trigger intel_alert_recipient_kept before delete on intel_alert_recipient
    for each row execute function ferret_intel_refuse_change();
