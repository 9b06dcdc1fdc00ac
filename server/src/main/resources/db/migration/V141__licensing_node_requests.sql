-- Transfer licensing between Ferret nodes (issue 13): confirmation requests sent to the importing state's node (its
-- import authorisation, art. 10(2)(a)) and to transit states' nodes (their no-objection, art. 10(2)(b)), and the
-- requests received here from other nodes, with the answer given.
create table licensing_node_request (
    id              uuid primary key,
    direction       varchar(3)    not null,
    peer            varchar(100)  not null,
    licence_id      uuid,
    licence_number  varchar(40)   not null,
    kind            varchar(30)   not null,
    country         varchar(2)    not null,
    summary         varchar(2000) not null,
    status          varchar(10)   not null,
    answer_kind     varchar(30),
    answer_reference varchar(100),
    created_at      timestamp with time zone not null,
    answered_at     timestamp with time zone
);
create index licensing_node_request_licence on licensing_node_request(licence_id);
