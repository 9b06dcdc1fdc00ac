-- Issue 12 (several instances on one database): the registry's change feed (registry.RegistryChanges) reads the
-- events recorded after a time, every few seconds on every instance; this index keeps that read small.
create index registry_event_recorded on registry_event(recorded_at);
