-- Registry integration of the technical standards (org.ferret.standards, issue 15; docs/standards.md).

-- Imports of items deactivated abroad or of alarm and signal weapons, assessed under this state's standard
-- (registry.ImportedItemControl; UN paper para 46). A refused import writes nothing; a passing or flagged one is
-- linked here from its registry event.
create table standards_import (
    event_id       uuid primary key,
    item_id        uuid         not null,
    assessment_id  uuid         not null references standards_assessment (id),
    concern        varchar(20)  not null,
    pack_id        varchar(64)  not null,
    pack_version   varchar(64)  not null,
    outcome        varchar(10)  not null,
    recorded_at    timestamp with time zone not null
);
create index standards_import_item on standards_import (item_id);

-- Seized semi-finished frames or receivers: an assessment opened for a person's decision (27 CFR 478.12(c)), and the
-- assessment that decided it.
create table standards_review (
    event_id              uuid primary key,
    item_id               uuid         not null,
    pack_id               varchar(64)  not null,
    pack_version          varchar(64)  not null,
    opened_assessment     uuid         not null references standards_assessment (id),
    opened_at             timestamp with time zone not null,
    completed_assessment  uuid references standards_assessment (id),
    completed_at          timestamp with time zone
);
create index standards_review_item on standards_review (item_id, pack_id, pack_version);

-- A deactivation withdrawn by a registry correction no longer counts (e.g. on the list of weaker deactivations).
alter table standards_deactivation add column withdrawn boolean default false not null;
