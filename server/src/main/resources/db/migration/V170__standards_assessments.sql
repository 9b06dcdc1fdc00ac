-- Assessments against technical standard packs (org.ferret.standards, issue 15; docs/standards.md). An assessment is
-- never changed: a new one is made. Facts and human decisions are kept as given (JSON) so the result can be derived
-- again from the pack version it names; verdict is stored for listing.
create table standards_assessment (
    id            uuid primary key,
    pack_id       varchar(64)  not null,
    pack_version  varchar(64)  not null,
    firearm_type  varchar(32),
    item_id       uuid,
    facts         varchar(20000) not null,
    decisions     varchar(20000) not null,
    verdict       varchar(12)  not null,
    assessed_by   varchar(64)  not null,
    assessed_at   timestamp with time zone not null
);
create index standards_assessment_item on standards_assessment (item_id, assessed_at);

-- Deactivations the registry recorded on the strength of an assessment (registry.DeactivationControl).
create table standards_deactivation (
    event_id       uuid primary key,
    item_id        uuid         not null,
    assessment_id  uuid         not null references standards_assessment (id),
    pack_id        varchar(64)  not null,
    pack_version   varchar(64)  not null,
    certificate    varchar(100) not null,
    recorded_at    timestamp with time zone not null
);
create index standards_deactivation_pack on standards_deactivation (pack_id, pack_version);
