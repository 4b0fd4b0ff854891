-- Customers brought in by an import (a customer file, an order history) rather than by signing up
-- or buying now: the welcome email is for those who just joined, not for a list moved over.
alter table customers add column imported_at timestamptz;
