-- Fingerprint libraries exchanged between nodes (issue 16): who subscribed to this node's library, and the
-- libraries of the nodes this node subscribed to (their text form, as last received over the signed exchange).
create table prints_library_subscriber (
    node          varchar(100) primary key,
    subscribed_at timestamp with time zone not null
);

create table prints_library_subscription (
    node            varchar(100) primary key,
    subscribed_at   timestamp with time zone not null,
    library_version bigint,
    library_text    text,
    received_at     timestamp with time zone
);
