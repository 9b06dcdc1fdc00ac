-- Holders are looked up by licence number the way serials are (issue 10): upper case, without whitespace and the
-- separators - . / _ (SerialNumber.normalise). The application writes licence_normalised with every holder; this
-- backfills the rows already there with the same rule (licence numbers are ASCII in practice; the application's
-- rule also drops other Unicode whitespace, which a backfill by replace() cannot name portably).
alter table registry_holder add column licence_normalised varchar(60);
update registry_holder set licence_normalised = upper(replace(replace(replace(replace(replace(replace(replace(
    licence_number, ' ', ''), '-', ''), '.', ''), '/', ''), '_', ''), chr(9), ''), chr(160), ''))
    where licence_number is not null;
create index registry_holder_licence_normalised on registry_holder(licence_normalised);
drop index registry_holder_licence;
