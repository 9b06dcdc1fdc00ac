-- Parcel screening's learning loop (org.ferret.parcels, issue 12): every model version a profile has scored or could
-- score with (its bytes, training window, row counts, features, rule pack, metrics, the champion/challenger report),
-- the append-only history of its state changes, and the claim that keeps two instances from retraining at once.
-- Portable SQL (H2 MODE=PostgreSQL and PostgreSQL 15). PostgreSQL refuses by trigger (db/vendor/postgresql/V151) any
-- delete, any change of parcel_model_change, and any update of parcel_model but its state columns.

create table parcel_model (
    id              uuid primary key,
    profile         varchar(20)  not null,
    seq             int          not null,
    version         varchar(100) not null,
    state           varchar(12)  not null,
    origin          varchar(12)  not null,
    trained_from    date,
    trained_to      date,
    evaluated_from  date,
    evaluated_to    date,
    rows_total      int          not null,
    labelled        int          not null,
    positives       int          not null,
    exploration     int          not null,
    features        int          not null,
    feature_names   varchar(20000) not null,
    rule_pack       varchar(200),
    report_json     varchar(20000),
    model_bytes     bytea        not null,
    trained_by      varchar(64)  not null,
    trained_at      timestamp with time zone not null,
    state_by        varchar(64)  not null,
    state_at        timestamp with time zone not null,
    state_reason    varchar(2000),
    constraint parcel_model_seq unique (profile, seq)
);
create index parcel_model_state on parcel_model(profile, state);

create table parcel_model_change (
    id              uuid primary key,
    model_id        uuid         not null,
    action          varchar(16)  not null,
    from_state      varchar(12),
    to_state        varchar(12)  not null,
    reason          varchar(2000),
    changed_by      varchar(64)  not null,
    changed_at      timestamp with time zone not null
);
create index parcel_model_change_model on parcel_model_change(model_id);

-- One row per job; an instance claims it with a conditional update (claimed_until in the past), so of two instances
-- whose schedules fire together one trains and the other skips.
create table parcel_learning_claim (
    job             varchar(40)  primary key,
    claimed_by      varchar(100),
    claimed_until   timestamp with time zone
);
insert into parcel_learning_claim (job, claimed_by, claimed_until) values ('retrain', null, null);
