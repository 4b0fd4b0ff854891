-- VIP tiers. A program measures one metric (points earned, amount spent or orders) over one
-- qualification period; each tier has a threshold, an optional lower threshold to retain it, and
-- benefits. A customer's tier is a projection with its history; verify recomputes it.

alter table programs
  add column tier_metric text not null default 'points_earned' check (tier_metric in ('points_earned', 'amount_spent', 'orders_count')),
  add column tier_period text not null default 'lifetime' check (tier_period in ('lifetime', 'calendar_year', 'rolling_12_months')),
  add column tier_grace_days integer not null default 0 check (tier_grace_days >= 0);

create table tiers (
  id                    text primary key,
  program_id            text not null references programs (id),
  name                  text not null,
  threshold             bigint not null check (threshold >= 0),
  retain_threshold      bigint check (retain_threshold >= 0),
  -- Earn multiplier in hundredths: 150 is 1.5×.
  multiplier_hundredths integer not null default 100 check (multiplier_hundredths >= 100),
  entry_reward_id       text references rewards (id),
  birthday_points       bigint not null default 0 check (birthday_points >= 0),
  perks                 text[] not null default '{}',
  status                text not null default 'active' check (status in ('active', 'archived')),
  created_at            timestamptz not null,
  updated_at            timestamptz not null
);
create index tiers_program on tiers (program_id);

alter table customers
  add column tier_id text references tiers (id),
  add column tier_since timestamptz,
  -- When the tier stopped being supported by the metric: the grace period runs from here.
  add column tier_unsupported_since timestamptz;

create table tier_changes (
  id            text primary key,
  program_id    text not null,
  customer_id   text not null references customers (id),
  from_tier_id  text references tiers (id),
  to_tier_id    text references tiers (id),
  reason        text not null check (reason in ('qualified', 'period_ended', 'refund', 'recalculation')),
  cause_type    text,
  cause_id      text,
  metric_value  bigint not null,
  created_at    timestamptz not null
);
create index tier_changes_customer on tier_changes (customer_id, id);

-- A tier's entry reward is issued the first time a customer reaches it, never again.
create table tier_entry_rewards (
  customer_id    text not null references customers (id),
  tier_id        text not null references tiers (id),
  redemption_id  text not null references redemptions (id),
  primary key (customer_id, tier_id)
);

-- Free codes (a tier's entry reward) cost no points.
alter table redemptions drop constraint redemptions_points_check;
alter table redemptions add constraint redemptions_points_check check (points >= 0);

create table tier_recalculations (
  id          text primary key,
  program_id  text not null references programs (id),
  status      text not null check (status in ('queued', 'running', 'done', 'failed')),
  customers   integer not null default 0,
  processed   integer not null default 0,
  moved_up    integer not null default 0,
  moved_down  integer not null default 0,
  error       text,
  created_at  timestamptz not null,
  finished_at timestamptz
);
