-- Spring Modulith's event publication registry, owned by Flyway from here on. Modulith's own H2 schema has
-- serialized_event VARCHAR(4000): an event about an item with many markings did not fit and the change failed with
-- a 500. Here it has no declared length (H2: up to 10^9 characters). A database created earlier by Modulith keeps
-- its table, widened by the ALTER below.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  completion_date        TIMESTAMP(9) WITH TIME ZONE,
  event_type             VARCHAR(512) NOT NULL,
  listener_id            VARCHAR(512) NOT NULL,
  publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  serialized_event       CHARACTER VARYING NOT NULL,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP(9) WITH TIME ZONE,
  PRIMARY KEY (id)
);
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE CHARACTER VARYING;
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS status VARCHAR(20);
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS completion_attempts INT;
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS last_resubmission_date TIMESTAMP(9) WITH TIME ZONE;
CREATE INDEX IF NOT EXISTS event_publication_by_listener_id_and_serialized_event_idx ON event_publication (listener_id, serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
