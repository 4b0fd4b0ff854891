-- What the merchant says of a product: how long it lasts (days), for the replenishment email.
-- Without it, the lifespan is learned from how long customers take to buy the product again.
create table product_settings (
  program_id     text not null references programs (id),
  product_id     text not null,
  lifespan_days  integer check (lifespan_days between 1 and 3650),
  updated_at     timestamptz not null,
  primary key (program_id, product_id)
);
