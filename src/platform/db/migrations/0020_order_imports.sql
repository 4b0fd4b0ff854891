-- Order history uploaded from the dashboard, imported by a job that records its progress. The
-- file's text stays only until the job ends, so an instance that stops mid-import leaves it for
-- another to carry out (imports are idempotent per order); heartbeat_at says the runner is alive.
create table order_imports (
  id                text primary key,
  program_id        text not null references programs (id),
  store_id          text not null references stores (id),
  status            text not null check (status in ('queued', 'running', 'done', 'failed')),
  award_points      boolean not null,
  format            text not null check (format in ('plain', 'shopify')),
  file_hash         text not null,
  file_text         text,
  rows              integer not null,
  skipped           integer not null,
  errors            jsonb not null,
  step              text not null default 'queued',
  progress          integer not null default 0 check (progress between 0 and 100),
  orders_imported   integer not null default 0,
  customers_created integer not null default 0,
  error             text,
  created_at        timestamptz not null,
  heartbeat_at      timestamptz,
  finished_at       timestamptz
);
create index order_imports_program on order_imports (program_id, id desc);
create index order_imports_open on order_imports (status) where status in ('queued', 'running');
