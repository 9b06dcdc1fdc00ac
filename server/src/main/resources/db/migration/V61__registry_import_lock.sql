-- One row that every CSV import locks for its whole transaction, so that imports run one at a time across all
-- instances on the database (two imports of one new file used to race on external_ref and answer 500).
CREATE TABLE registry_import_lock (
    id        INT PRIMARY KEY,
    holder    VARCHAR(200),
    since     TIMESTAMP WITH TIME ZONE
);
INSERT INTO registry_import_lock (id) VALUES (1);
