-- Foundation: programs, keys, stores, customers, orders, the points ledger, earning rules, events.
-- Every row belongs to a program. Per-customer tables carry customer_id and their unique keys
-- include it, so they can be distributed by customer (see docs/scale-out.md).
-- High-volume tables have no foreign key to programs or stores: every insert would take a
-- key-share lock on the same parent row, and concurrent writers then queue on its MultiXact.
-- Every query is scoped by program_id in code (and tested); per-customer foreign keys stay.

create table programs (
  id                     text primary key,
  name                   text not null,
  currency               char(3) not null,
  allow_negative_balance boolean not null default false,
  created_at             timestamptz not null default now()
);

create table api_keys (
  id          text primary key,
  program_id  text not null references programs (id),
  key_hash    text not null unique,
  key_hint    text not null,
  label       text not null,
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz
);

create table stores (
  id          text primary key,
  program_id  text not null references programs (id),
  name        text not null,
  currency    char(3) not null,
  is_default  boolean not null default false,
  created_at  timestamptz not null default now()
);
create unique index stores_one_default on stores (program_id) where is_default;

create table customers (
  id                     text primary key,
  program_id             text not null,
  external_id            text,
  email                  text,
  first_name             text,
  last_name              text,
  birthday               date,
  marketing_consent      boolean not null default false,
  tags                   text[] not null default '{}',
  metadata               jsonb not null default '{}',
  -- Projections of the ledger and of orders, updated in the transaction that changes them.
  points_available       bigint not null default 0,
  points_pending         bigint not null default 0,
  points_earned_lifetime bigint not null default 0,
  orders_count           integer not null default 0,
  total_spent_minor      bigint not null default 0,
  first_order_at         timestamptz,
  last_order_at          timestamptz,
  created_at             timestamptz not null,
  updated_at             timestamptz not null
);
-- Identity lookups. On a distributed deployment these two move to a lookup table keyed by
-- (program_id, external key); see docs/scale-out.md.
create unique index customers_external_id on customers (program_id, external_id) where external_id is not null;
create unique index customers_email on customers (program_id, lower(email)) where email is not null;
create index customers_birthday on customers (program_id, extract(month from birthday), extract(day from birthday)) where birthday is not null;

create table orders (
  id                   text primary key,
  program_id           text not null,
  store_id             text not null,
  customer_id          text not null references customers (id),
  external_id          text not null,
  currency             char(3) not null,
  subtotal_minor       bigint not null,
  total_minor          bigint not null,
  shipping_minor       bigint not null,
  tax_minor            bigint not null,
  discount_minor       bigint not null,
  line_items           jsonb not null,
  discount_codes       text[] not null default '{}',
  placed_at            timestamptz not null,
  status               text not null default 'placed' check (status in ('placed', 'cancelled')),
  cancelled_at         timestamptz,
  refunded_minor       bigint not null default 0,
  -- Points the order earned, and what refunds and a cancel took back (or forgave where the
  -- balance could not go below zero).
  points_earned        bigint not null default 0,
  points_reversed      bigint not null default 0,
  points_forgiven      bigint not null default 0,
  metadata             jsonb not null default '{}',
  created_at           timestamptz not null
);
create unique index orders_external_id on orders (store_id, external_id);
create index orders_customer on orders (customer_id, placed_at);

create table refunds (
  id              text primary key,
  program_id      text not null,
  customer_id     text not null references customers (id),
  order_id        text not null references orders (id),
  external_id     text not null,
  amount_minor    bigint not null,
  line_items      jsonb,
  points_reversed bigint not null,
  points_forgiven bigint not null,
  created_at      timestamptz not null,
  unique (customer_id, order_id, external_id)
);

create table earning_rules (
  id           text primary key,
  program_id   text not null references programs (id),
  name         text not null,
  type         text not null check (type in ('points_per_unit', 'fixed_per_order', 'multiplier', 'action')),
  active       boolean not null default true,
  definition   jsonb not null,
  created_at   timestamptz not null,
  updated_at   timestamptz not null
);
create index earning_rules_program on earning_rules (program_id) where active;

create table events (
  id              text primary key,
  program_id      text not null,
  customer_id     text not null references customers (id),
  type            text not null,
  idempotency_key text not null,
  properties      jsonb not null default '{}',
  occurred_at     timestamptz not null,
  points_awarded  bigint not null default 0,
  created_at      timestamptz not null,
  unique (program_id, customer_id, idempotency_key)
);

-- The ledger: a transfer moves an amount between accounts through entries that sum to zero:
-- points for points accounts, minor units of the program's currency for store credit accounts.
-- Customer accounts: 'customer:available', 'customer:pending'. Program accounts: 'program:issued',
-- 'program:adjustments'. Rows are never updated or deleted.
create table transfers (
  id                   text primary key,
  program_id           text not null,
  customer_id          text not null references customers (id),
  code                 text not null,
  idempotency_key      text not null,
  reference_type       text not null,
  reference_id         text not null,
  rule_id              text,
  reverses_transfer_id text references transfers (id),
  explanation          jsonb not null,
  actor                text,
  occurred_at          timestamptz not null,
  created_at           timestamptz not null,
  unique (program_id, customer_id, idempotency_key)
);
-- A customer's history, newest first; also how an order's awards and a rule's usage are found
-- (a customer has few transfers, and every extra index is paid on every order).
create index transfers_customer on transfers (customer_id, id);

create table ledger_entries (
  transfer_id  text not null references transfers (id),
  program_id   text not null,
  customer_id  text not null,
  account      text not null,
  amount       bigint not null check (amount <> 0),
  primary key (customer_id, transfer_id, account)
);

create function forbid_ledger_change() returns trigger language plpgsql as $$
begin
  raise exception 'ledger rows are immutable: % on % refused', tg_op, tg_table_name;
end $$;
create trigger transfers_immutable before update or delete on transfers
  for each statement execute function forbid_ledger_change();
create trigger ledger_entries_immutable before update or delete on ledger_entries
  for each statement execute function forbid_ledger_change();

-- Pending points: one hold per held award, released by a sweep when the return window ends.
-- A projection: points_remaining falls as refunds take held points back.
create table point_holds (
  transfer_id          text primary key references transfers (id),
  program_id           text not null,
  customer_id          text not null,
  order_id             text,
  points_remaining     bigint not null check (points_remaining >= 0),
  available_at         timestamptz not null,
  released_transfer_id text references transfers (id)
);
create index point_holds_due on point_holds (available_at) where released_transfer_id is null and points_remaining > 0;
create index point_holds_customer on point_holds (customer_id, order_id);

-- Stored responses for the Idempotency-Key header, kept at least 24 hours.
create table idempotency_keys (
  program_id    text not null,
  key           text not null,
  request_hash  text not null,
  status_code   integer,
  response_body text,
  created_at    timestamptz not null default now(),
  primary key (program_id, key)
);
