-- Checkpoints of other nodes' audit logs that this node witnesses (this node's own checkpoints live in a file
-- outside the database). Refused ones are kept with the reason: two inconsistent signed checkpoints prove a rewrite.
create table audit_witnessed_checkpoint (
    id          uuid primary key,
    node        varchar(64) not null,
    size        bigint not null,
    root        char(64) not null,
    signed_at   timestamp with time zone not null,
    signature   varchar(200) not null,
    status      varchar(10) not null,
    reason      varchar(2000),
    received_at timestamp with time zone not null
);
create index audit_witnessed_checkpoint_node on audit_witnessed_checkpoint(node, status, size);
