-- Merchant-funded giving (docs/rewards.md#merchant-funded-giving, seed 002): the program gives a
-- share of each order to a cause, the shopper's choice or the program's; refunds take it back
-- in proportion. Donations stay append-only: a refund adds a negative row.
alter table programs
  add column giving_bps integer not null default 0 check (giving_bps between 0 and 10000),
  add column giving_fixed_minor bigint not null default 0 check (giving_fixed_minor between 0 and 100000000),
  add column giving_cause_id text references charity_causes (id);

alter table customers add column cause_id text references charity_causes (id);

alter table donations
  alter column redemption_id drop not null,
  add column source text not null default 'points' check (source in ('points', 'order', 'refund')),
  add column order_id text,
  add column refund_id text,
  drop constraint donations_points_check,
  drop constraint donations_amount_minor_check,
  add constraint donations_points_check check (points >= 0 and (source <> 'points' or points > 0)),
  add constraint donations_amount_sign check ((source = 'refund') = (amount_minor < 0) or amount_minor = 0),
  add constraint donations_what check ((source = 'points') = (redemption_id is not null) and (source = 'points' or order_id is not null));
create unique index donations_order on donations (order_id, customer_id) where source = 'order';
create unique index donations_refund on donations (refund_id, customer_id) where source = 'refund';
