-- Stamp cards (punch cards) and challenges: progress per customer towards a reward.

create table stamp_cards (
  id                  text primary key,
  program_id          text not null references programs (id),
  name                text not null,
  stamps_required     integer not null check (stamps_required > 0),
  per                 text not null check (per in ('order', 'item')),
  min_subtotal        bigint not null default 0 check (min_subtotal >= 0),
  include_products    text[] not null default '{}',
  include_collections text[] not null default '{}',
  reward_id           text not null references rewards (id),
  active              boolean not null default true,
  created_at          timestamptz not null,
  updated_at          timestamptz not null
);
create index stamp_cards_program on stamp_cards (program_id);

create table stamp_progress (
  customer_id     text not null references customers (id),
  card_id         text not null references stamp_cards (id),
  stamps          integer not null default 0 check (stamps >= 0),
  cards_completed integer not null default 0,
  updated_at      timestamptz not null,
  primary key (customer_id, card_id)
);

-- Every stamp given or taken back, once per source ('order:<id>', 'cancel:<id>').
create table stamps (
  customer_id  text not null references customers (id),
  card_id      text not null references stamp_cards (id),
  source       text not null,
  stamps       integer not null,
  created_at   timestamptz not null,
  primary key (customer_id, card_id, source)
);

create table challenges (
  id           text primary key,
  program_id   text not null references programs (id),
  name         text not null,
  goal         text not null check (goal in ('orders', 'event', 'collections')),
  target       integer not null check (target > 0),
  event_type   text,
  window_days  integer check (window_days > 0),
  reward_id    text references rewards (id),
  points       bigint not null default 0 check (points >= 0),
  repeatable   boolean not null default false,
  starts_at    timestamptz,
  ends_at      timestamptz,
  active       boolean not null default true,
  created_at   timestamptz not null,
  updated_at   timestamptz not null
);
create index challenges_program on challenges (program_id);

create table challenge_progress (
  customer_id     text not null references customers (id),
  challenge_id    text not null references challenges (id),
  attempt         integer not null default 1,
  started_at      timestamptz,
  count           integer not null default 0,
  seen            text[] not null default '{}',
  completions     integer not null default 0,
  completed_at    timestamptz,
  updated_at      timestamptz not null,
  primary key (customer_id, challenge_id)
);

-- Each order or event counts once towards a challenge.
create table challenge_steps (
  customer_id   text not null references customers (id),
  challenge_id  text not null references challenges (id),
  source        text not null,
  created_at    timestamptz not null,
  primary key (customer_id, challenge_id, source)
);
