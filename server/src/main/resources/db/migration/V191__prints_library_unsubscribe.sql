-- Ending a fingerprint library subscription (issue 16). Rows stay when a subscription ends (ended_at set), so that a
-- second unsubscribe changes nothing and a resubscription opens the same row again; the audit trail keeps each change.
alter table prints_library_subscription add column ended_at timestamp with time zone;

alter table prints_library_subscriber add column ended_at timestamp with time zone;
-- When the subscriber made the request that last changed the row (the signed document's createdAt, on the
-- subscriber's clock): a request delivered late never undoes a newer one.
alter table prints_library_subscriber add column requested_at timestamp with time zone;
-- The library version this node last sent the subscriber, and when it was queued.
alter table prints_library_subscriber add column sent_version bigint;
alter table prints_library_subscriber add column sent_at timestamp with time zone;
