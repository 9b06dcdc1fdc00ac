-- The agency of the user who registered an item (audit.Actor's agency), shown on the marking-required work list.
-- Items registered before this column existed have none.
alter table registry_item add column registered_agency varchar(32);
