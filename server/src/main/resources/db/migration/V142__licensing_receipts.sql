-- Proof of receipt (Protocol art. 10(4), issue 13): the importing state's confirmation that a shipment drawn down
-- against a licence arrived, entered by the officer or received from the importing state's node. A shipment with
-- no receipt past its deadline (ferret.licensing.receipt-days, EU recast: 45 days) is on the overdue list.
create table licensing_receipt (
    drawdown_id  uuid         primary key references licensing_drawdown(id),
    licence_id   uuid         not null references licensing_licence(id),
    received_on  date         not null,
    reference    varchar(100) not null,
    source       varchar(100) not null,
    recorded_at  timestamp with time zone not null,
    recorded_by  varchar(64)  not null
);
create index licensing_receipt_licence on licensing_receipt(licence_id);
