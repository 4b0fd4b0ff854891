-- Rewards and their two-phase redemption: reserving points moves them from available to reserved
-- at once; using the code posts them, voiding (or an expired code, where the program returns
-- points) gives them back.

alter table programs
  add column code_prefix text,
  add column return_points_on_code_expiry boolean not null default true;

alter table customers add column points_reserved bigint not null default 0;

create table rewards (
  id             text primary key,
  program_id     text not null references programs (id),
  name           text not null,
  type           text not null check (type in ('percent_off', 'amount_off', 'free_shipping', 'free_product', 'custom')),
  status         text not null default 'active' check (status in ('active', 'archived')),
  definition     jsonb not null,
  -- Codes issued and not voided: what a stock limit counts. Only moved for rewards with a stock.
  issued_count   integer not null default 0,
  created_at     timestamptz not null,
  updated_at     timestamptz not null
);
create index rewards_program on rewards (program_id, id);

create table redemptions (
  id                  text primary key,
  program_id          text not null,
  customer_id         text not null references customers (id),
  reward_id           text not null references rewards (id),
  status              text not null check (status in ('reserved', 'used', 'voided', 'expired')),
  points              bigint not null check (points > 0),
  code                text,
  -- What the code is worth, as it was when issued: later edits of the reward do not change it.
  discount            jsonb not null,
  expires_at          timestamptz,
  order_id            text,
  used_at             timestamptz,
  voided_at           timestamptz,
  void_reason         text,
  expired_at          timestamptz,
  created_at          timestamptz not null
);
-- Codes are looked up at checkout by program and code (a lookup table on a distributed
-- deployment; see docs/scale-out.md).
create unique index redemptions_code on redemptions (program_id, code) where code is not null;
create index redemptions_customer on redemptions (customer_id, id);
create index redemptions_due on redemptions (expires_at) where status = 'reserved' and expires_at is not null;
