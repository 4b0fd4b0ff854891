-- Points expiry. Points that become available open a lot; whatever takes points out of the
-- available balance consumes lots oldest first (a refund: its own order's lots first), recorded
-- as takes, and a returned reservation gives its takes back. Lots exist whatever the policy, so a
-- program can switch to or from expiry at any time; a lot's deadline is computed from the policy.

alter table programs
  add column expiry_policy text not null default 'none' check (expiry_policy in ('none', 'fixed', 'inactivity')),
  add column expiry_days integer check (expiry_days > 0),
  add column expiry_months integer check (expiry_months > 0),
  add column expiry_warning_days integer not null default 14 check (expiry_warning_days >= 0);

-- Last time the customer earned or redeemed: what the inactivity policy measures.
alter table customers add column last_activity_at timestamptz;

create table point_lots (
  transfer_id      text primary key references transfers (id),
  program_id       text not null,
  customer_id      text not null references customers (id),
  order_id         text,
  points           bigint not null check (points > 0),
  -- A projection of the takes below (verify checks it).
  points_remaining bigint not null check (points_remaining >= 0),
  earned_at        timestamptz not null,
  available_at     timestamptz not null
);
create index point_lots_open on point_lots (customer_id, earned_at) where points_remaining > 0;
create index point_lots_expiring on point_lots (program_id, earned_at) where points_remaining > 0;

-- Which lots a transfer took from (positive) or gave back to (negative). Append-only.
create table lot_takes (
  customer_id      text not null,
  transfer_id      text not null references transfers (id),
  lot_transfer_id  text not null references point_lots (transfer_id),
  points           bigint not null check (points <> 0),
  primary key (customer_id, transfer_id, lot_transfer_id)
);
create index lot_takes_lot on lot_takes (customer_id, lot_transfer_id);

-- What the engine tells the outside world (emails and webhooks, later): points expiring soon,
-- and more to come. One row per customer and dedupe key.
create table program_events (
  id           text primary key,
  program_id   text not null,
  customer_id  text not null references customers (id),
  type         text not null,
  dedupe_key   text not null,
  data         jsonb not null,
  created_at   timestamptz not null,
  unique (program_id, customer_id, dedupe_key)
);
create index program_events_program on program_events (program_id, id);

create trigger lot_takes_immutable before update or delete on lot_takes
  for each statement execute function forbid_ledger_change();
