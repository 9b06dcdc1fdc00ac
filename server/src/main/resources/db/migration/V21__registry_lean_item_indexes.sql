-- Bulk imports write up to a million items in one transaction, and every index on registry_item is another
-- B-tree to update per row. These two are not worth it: fitted_to is never searched by value, and status has
-- a handful of values (the retention purge and the status counts scan the table, which is fine for a rare job
-- and a dashboard figure).
drop index registry_item_fitted_to;
drop index registry_item_status;
