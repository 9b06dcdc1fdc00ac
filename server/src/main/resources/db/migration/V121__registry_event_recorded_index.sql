-- Issue 12 (several instances on one database): the registry's change feed (registry.RegistryChanges) reads the
-- events recorded and the items registered after a time, every few seconds on every instance; these indexes keep
-- that read small. A bulk import adds one B-tree insert per item for the second (all its items share one time).
create index registry_event_recorded on registry_event(recorded_at);
create index registry_item_registered on registry_item(registered_at);
