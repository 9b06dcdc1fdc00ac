-- A correction withdraws the event it names or amends it (issue 10). The corrected row is never changed; the
-- correction's own row says which (correction = WITHDRAW | AMEND) and, for an amendment, the values that replace
-- the corrected event's (null: unchanged). Corrections recorded before this migration all withdrew.
alter table registry_event add column correction varchar(10);
alter table registry_event add column amend_occurred_on date;
alter table registry_event add column amend_country varchar(2);
alter table registry_event add column amend_holder uuid;
alter table registry_event add column amend_place varchar(200);
alter table registry_event add column amend_reference varchar(100);
alter table registry_event add column amend_note text;
update registry_event set correction = 'WITHDRAW' where event_type = 'CORRECTION';
