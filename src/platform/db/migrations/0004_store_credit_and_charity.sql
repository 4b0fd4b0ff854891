-- Store credit: money (minor units of the program's currency) in its own ledger accounts,
-- 'customer:store_credit' against 'program:store_credit', with the same guarantees as points.
-- Charity: causes, and a donation for each charity reward redeemed.

alter table customers add column store_credit_minor bigint not null default 0 check (store_credit_minor >= 0);

alter table rewards drop constraint rewards_type_check;
alter table rewards add constraint rewards_type_check check (type in (
  'percent_off', 'amount_off', 'free_shipping', 'free_product', 'custom', 'store_credit', 'charity_donation'));

create table charity_causes (
  id           text primary key,
  program_id   text not null references programs (id),
  name         text not null,
  description  text,
  status       text not null default 'active' check (status in ('active', 'archived')),
  created_at   timestamptz not null,
  updated_at   timestamptz not null
);
create index charity_causes_program on charity_causes (program_id, id);

create table donations (
  id             text primary key,
  program_id     text not null,
  customer_id    text not null references customers (id),
  cause_id       text not null references charity_causes (id),
  redemption_id  text not null references redemptions (id),
  points         bigint not null check (points > 0),
  amount_minor   bigint not null check (amount_minor >= 0),
  currency       char(3) not null,
  created_at     timestamptz not null
);
create index donations_cause on donations (program_id, cause_id, created_at);
