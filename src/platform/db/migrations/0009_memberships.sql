-- Paid memberships (VIP club, discount club, prepaid subscription): plans with a price and a
-- billing interval or a fixed term; the billing system reports each membership's status.

alter table programs add column billing_webhook_secret text;

create table membership_plans (
  id                    text primary key,
  program_id            text not null references programs (id),
  name                  text not null,
  price_minor           bigint not null check (price_minor >= 0),
  interval              text not null check (interval in ('month', 'year', 'fixed')),
  term_days             integer check (term_days > 0),
  multiplier_hundredths integer not null default 100 check (multiplier_hundredths >= 100),
  periodic_reward_id    text references rewards (id),
  tier_id               text references tiers (id),
  perks                 text[] not null default '{}',
  active                boolean not null default true,
  created_at            timestamptz not null,
  updated_at            timestamptz not null
);
create index membership_plans_program on membership_plans (program_id);

create table memberships (
  id                    text primary key,
  program_id            text not null references programs (id),
  customer_id           text not null references customers (id),
  plan_id               text not null references membership_plans (id),
  external_id           text not null,
  status                text not null check (status in ('active', 'past_due', 'cancelled', 'expired')),
  current_period_start  timestamptz not null,
  current_period_end    timestamptz not null,
  started_at            timestamptz not null,
  updated_at            timestamptz not null
);
create unique index memberships_external on memberships (program_id, external_id);
create index memberships_customer on memberships (customer_id);
create index memberships_due on memberships (current_period_end) where status = 'active';

-- A plan's periodic reward, once per membership and billing period.
create table membership_period_rewards (
  membership_id  text not null references memberships (id),
  period_start   timestamptz not null,
  redemption_id  text references redemptions (id),
  primary key (membership_id, period_start)
);
