-- The orders as reports read them: a program's orders by customer and date, with what a report
-- sums. Reports scan this index alone (index-only) in customer order, so they aggregate each
-- customer as they go instead of hashing or sorting a million wide rows.
create index orders_program_customer on orders (program_id, customer_id, placed_at) include (status, total_minor, refunded_minor);
