-- Store connections: a Shopify shop or a WooCommerce site whose webhooks feed a program's store.
-- Program configuration (a reference table on Citus); secrets are sealed (platform/secrets.ts).
create table connections (
  id                        text primary key,
  program_id                text not null references programs (id),
  store_id                  text not null references stores (id),
  platform                  text not null check (platform in ('shopify', 'woocommerce')),
  shop_domain               text,
  site_url                  text,
  webhook_secret_sealed     text not null,
  previous_secret_sealed    text,
  previous_secret_until     timestamptz,
  admin_access_token_sealed text,
  -- Where the store's Admin API answers, when not at the shop or site itself (a proxy; tests).
  api_url                   text,
  status                    text not null default 'active' check (status in ('active', 'disabled')),
  disabled_reason           text,
  award_on                  text not null check (award_on in ('paid', 'created', 'fulfilled', 'processing', 'completed')),
  include_test_orders       boolean not null default false,
  channels                  text[] not null default '{*}',
  guests                    text not null default 'by_email' check (guests in ('by_email', 'ignore')),
  excluded_customer_tags    text[] not null default '{}',
  reconcile_every_minutes   integer not null default 15 check (reconcile_every_minutes between 1 and 1440),
  reconciled_until          timestamptz,
  last_delivery_at          timestamptz,
  last_processed_at         timestamptz,
  last_reconciled_at        timestamptz,
  failed_deliveries         integer not null default 0,
  last_error                text,
  last_error_at             timestamptz,
  metadata                  jsonb not null default '{}',
  created_at                timestamptz not null,
  updated_at                timestamptz not null,
  check ((platform = 'shopify') = (shop_domain is not null)),
  check ((platform = 'woocommerce') = (site_url is not null))
);
create index connections_program on connections (program_id, id);

-- The inbox: every verified delivery, stored before it is acknowledged, processed by a job.
create table store_deliveries (
  id            text primary key,
  connection_id text not null references connections (id),
  program_id    text not null,
  delivery_id   text,
  event_id      text,
  topic         text not null,
  subject       text not null,
  headers       jsonb not null,
  body          text,
  status        text not null default 'received' check (status in ('received', 'processing', 'processed', 'skipped', 'failed')),
  attempts      integer not null default 0,
  not_before    timestamptz not null,
  received_at   timestamptz not null,
  claimed_at    timestamptz,
  processed_at  timestamptz,
  error         text
);
create unique index store_deliveries_once on store_deliveries (connection_id, delivery_id) where delivery_id is not null;
create index store_deliveries_due on store_deliveries (not_before) where status in ('received', 'processing');
create index store_deliveries_connection on store_deliveries (connection_id, received_at);

-- What Regulars applied of each order of a connected store: the snapshot it last applied and the
-- order's state here. Keyed by the store's own order id (a lookup table, not per customer).
create table store_orders (
  connection_id       text not null references connections (id),
  external_id         text not null,
  order_id            text,
  snapshot_updated_at timestamptz,
  state               text not null check (state in ('waiting', 'awarded', 'cancelled', 'excluded')),
  reason              text,
  updated_at          timestamptz not null,
  primary key (connection_id, external_id)
);

-- Refunds of a connected store by their own id: kept when they arrive before their order is
-- recorded, applied when it is.
create table store_refunds (
  connection_id     text not null references connections (id),
  external_id       text not null,
  order_external_id text not null,
  refund            jsonb not null,
  received_at       timestamptz not null,
  applied_at        timestamptz,
  primary key (connection_id, external_id)
);
create index store_refunds_waiting on store_refunds (connection_id, order_external_id) where applied_at is null;

-- What was last written back to each customer of a connected store (tier and membership tags).
create table store_customers (
  connection_id text not null references connections (id),
  customer_id   text not null references customers (id),
  external_id   text not null,
  written_tags  text[] not null,
  written_at    timestamptz not null,
  primary key (connection_id, customer_id)
);

-- Privacy requests from a store (Shopify's compliance topics): what was asked, what was done.
create table privacy_requests (
  id                   text primary key,
  program_id           text not null references programs (id),
  connection_id        text not null references connections (id),
  kind                 text not null check (kind in ('data_request', 'customer_redact', 'shop_redact')),
  -- The customer it was about, when Regulars had one: a program record, not the customer's own.
  regarding_customer_id text,
  external_customer_id text,
  external_request_id  text,
  status               text not null check (status in ('completed', 'no_data')),
  export               jsonb,
  received_at          timestamptz not null,
  completed_at         timestamptz not null
);
create index privacy_requests_connection on privacy_requests (connection_id, received_at desc);

-- Who did what to a program: the audit log (privacy actions now; merchants' changes later).
create table audit_log (
  id           text primary key,
  program_id   text not null references programs (id),
  actor        text not null,
  action       text not null,
  subject_type text,
  subject_id   text,
  details      jsonb not null default '{}',
  created_at   timestamptz not null
);
create index audit_log_program on audit_log (program_id, created_at desc, id desc);

alter table customers add column redacted_at timestamptz;
