-- Corrections are looked up by the event they correct (e.g. to leave withdrawn markings out of serial lookups).
create index registry_event_corrects on registry_event(corrects_event);
