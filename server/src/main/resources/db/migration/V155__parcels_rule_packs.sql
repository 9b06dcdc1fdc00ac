-- Rule pack versions of the parcels module (issue 12, "indicators in analysts' hands"): an analyst drafts a version,
-- submits it, a second person (SUPERVISE_SCREENING) approves or rejects it with a reason; approval makes it ACTIVE
-- and the version active before SUPERSEDED. Scoring reads the ACTIVE version of the item's profile. A fresh database
-- gets the bundled pack as version 1 ACTIVE at start-up (internal.RulePackStore.seed). Portable SQL (H2, PostgreSQL).
create table parcel_rule_pack (
    profile         varchar(20)  not null,
    version         int          not null,
    label           varchar(200) not null,
    state           varchar(20)  not null,
    based_on        int,
    pack_text       varchar(200000) not null,
    author          varchar(64)  not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    submitted_at    timestamp with time zone,
    approver        varchar(64),
    decided_at      timestamp with time zone,
    decision_reason varchar(2000),
    superseded_at   timestamp with time zone,
    primary key (profile, version),
    constraint parcel_rule_pack_label unique (profile, label),
    constraint parcel_rule_pack_state check (state in ('DRAFT', 'AWAITING_APPROVAL', 'ACTIVE', 'SUPERSEDED', 'REJECTED')),
    constraint parcel_rule_pack_four_eyes check (approver is null or approver <> author or version = 1)
);
create index parcel_rule_pack_state_idx on parcel_rule_pack(profile, state);
