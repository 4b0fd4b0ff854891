-- Offer experiments (docs/experiments.md, seed 004): two or more variants of an offer (a reward or
-- an earning rule each), an audience split by a stable hash of (experiment, customer), fixed when
-- the experiment starts, and a goal metric read over N days.
create table experiments (
  id          text primary key,
  program_id  text not null references programs (id),
  name        text not null,
  segment_id  text references segments (id),
  -- [{name, reward_id} | {name, earning_rule_id}], in order: the first is the one compared against.
  variants    jsonb not null,
  split       integer[] not null,
  metric      text not null check (metric in ('redemption_rate', 'repeat_rate', 'revenue_per_customer')),
  days        integer not null check (days between 1 and 365),
  status      text not null default 'running' check (status in ('running', 'stopped')),
  members     integer not null default 0,
  created_by  text,
  started_at  timestamptz not null,
  stopped_at  timestamptz,
  created_at  timestamptz not null
);
create index experiments_program on experiments (program_id, id);

create table experiment_members (
  experiment_id  text not null references experiments (id) on delete cascade,
  customer_id    text not null references customers (id),
  variant        smallint not null,
  primary key (experiment_id, customer_id)
);
create index experiment_members_customer on experiment_members (customer_id);
