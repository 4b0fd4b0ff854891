-- Cashback: a percentage of what was paid for merchandise returned as store credit, per program
-- and per tier, pending until the hold ends, taken back in proportion on refunds.

alter table programs
  add column cashback_bps integer not null default 0 check (cashback_bps between 0 and 10000),
  add column cashback_hold_days integer not null default 0 check (cashback_hold_days >= 0);

alter table tiers add column cashback_bps integer check (cashback_bps between 0 and 10000);

alter table customers add column store_credit_pending_minor bigint not null default 0 check (store_credit_pending_minor >= 0);

alter table orders
  add column cashback_minor bigint not null default 0,
  add column cashback_reversed_minor bigint not null default 0,
  add column cashback_forgiven_minor bigint not null default 0;

-- Holds now hold points or store credit: the pending account they release from.
alter table point_holds add column account text not null default 'customer:pending'
  check (account in ('customer:pending', 'customer:store_credit_pending'));
