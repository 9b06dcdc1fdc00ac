-- Standard packs an authority uploaded (org.ferret.standards.UploadedPacks, issue 15; docs/standards.md, "Uploading
-- a pack"). The text is kept as uploaded (line ends made LF) and read again with the same reader at every start; a
-- version is never changed: a changed text is a new version. A withdrawn version is kept (assessments cite it) and
-- marked, so no new assessment uses it. Portable SQL (H2, PostgreSQL).
create table standards_pack (
    pack_id          varchar(64)   not null,
    pack_version     varchar(64)   not null,
    sha256           char(64)      not null,
    file_name        varchar(200)  not null,
    pack_text        text          not null,
    uploaded_by      varchar(64)   not null,
    uploaded_at      timestamp with time zone not null,
    withdrawn_by     varchar(64),
    withdrawn_at     timestamp with time zone,
    withdrawn_reason varchar(2000),
    primary key (pack_id, pack_version)
);
