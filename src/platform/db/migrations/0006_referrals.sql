-- Referrals: an advocate's code brings a friend; the friend is rewarded at once, the advocate when
-- the friend's first order clears the hold and is not refunded or cancelled. Fraud checks flag a
-- referral for an admin to approve or reject.

alter table programs
  add column referral_friend_reward_id   text references rewards (id),
  add column referral_advocate_reward_id text references rewards (id),
  add column referral_advocate_points    bigint not null default 0 check (referral_advocate_points >= 0),
  add column referral_hold_days          integer not null default 14 check (referral_hold_days >= 0),
  add column referral_ip_limit_per_week  integer not null default 5 check (referral_ip_limit_per_week > 0),
  add column referral_link_base          text;

alter table customers add column referral_code text;
create unique index customers_referral_code on customers (program_id, referral_code) where referral_code is not null;

-- What the store knows of where an order came from, hashed by the store: for fraud checks.
alter table orders
  add column ip_hash text,
  add column device_hash text,
  add column shipping_address_hash text;

create table referrals (
  id                      text primary key,
  program_id              text not null references programs (id),
  advocate_id             text not null references customers (id),
  friend_id               text not null references customers (id),
  code                    text not null,
  status                  text not null check (status in ('pending', 'flagged', 'completed', 'rejected')),
  flags                   text[] not null default '{}',
  ip_hash                 text,
  device_hash             text,
  order_id                text references orders (id),
  completes_at            timestamptz,
  friend_redemption_id    text references redemptions (id),
  advocate_redemption_id  text references redemptions (id),
  advocate_points         bigint not null default 0,
  rejected_reason         text,
  created_at              timestamptz not null,
  completed_at            timestamptz,
  decided_at              timestamptz
);
-- A friend is referred once per program.
create unique index referrals_friend on referrals (program_id, friend_id);
create index referrals_advocate on referrals (advocate_id, id);
create index referrals_due on referrals (completes_at) where status = 'pending' and completes_at is not null;
create index referrals_ip on referrals (program_id, ip_hash, created_at) where ip_hash is not null;
