-- parcel_declaration_item (operator, item_id), from V105, is a prefix of the unique parcel_declaration_version
-- (operator, item_id, version): every look-up by operator and item id can use the unique index, and each insert paid
-- for one index more (issue 12, docs/benchmarks.md, Kafka, "cost per decision").
drop index if exists parcel_declaration_item;
