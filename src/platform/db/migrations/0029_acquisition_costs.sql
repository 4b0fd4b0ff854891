-- What the merchant spent to win customers, per month and channel (docs/analytics.md#acquisition-cost).
create table acquisition_costs (
  program_id    text not null references programs (id),
  month         date not null check (extract(day from month) = 1),
  channel       text not null default '',
  amount_minor  bigint not null check (amount_minor >= 0),
  updated_at    timestamptz not null,
  primary key (program_id, month, channel)
);
