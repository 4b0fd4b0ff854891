-- A program's orders by customer and date, with what reports sum. It replaces the index on
-- (customer_id, placed_at): lookups of a customer's orders name the program too. Reports scan it
-- alone (index-only) in customer order, so they aggregate each customer as they go instead of
-- hashing or sorting a million wide rows.
create index orders_program_customer on orders (program_id, customer_id, placed_at) include (status, total_minor, refunded_minor);
drop index orders_customer;
