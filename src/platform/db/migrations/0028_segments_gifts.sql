-- Segments (docs/segments.md): saved audiences, evaluated when used (never a stale copy).
create table segments (
  id          text primary key,
  program_id  text not null references programs (id),
  name        text not null,
  match       text not null check (match in ('all', 'any')),
  conditions  jsonb not null,
  created_at  timestamptz not null,
  updated_at  timestamptz not null
);
create index segments_program on segments (program_id);

-- Group gifts: points or a reward to every customer of a segment (or a list), once each.
create table gifts (
  id            text primary key,
  program_id    text not null references programs (id),
  segment_id    text references segments (id),
  customer_ids  text[],
  points        integer check (points > 0),
  reward_id     text references rewards (id),
  reason        text not null,
  status        text not null default 'scheduled' check (status in ('scheduled', 'running', 'done', 'cancelled')),
  scheduled_at  timestamptz not null,
  -- Who the gift went to is fixed when it starts; progress counts through them.
  recipients    integer,
  given         integer not null default 0,
  skipped       integer not null default 0,
  created_by    text,
  created_at    timestamptz not null,
  started_at    timestamptz,
  finished_at   timestamptz,
  check ((points is null) <> (reward_id is null)),
  check ((segment_id is null) <> (customer_ids is null))
);
create index gifts_due on gifts (scheduled_at) where status in ('scheduled', 'running');

create table gift_recipients (
  gift_id      text not null references gifts (id) on delete cascade,
  customer_id  text not null references customers (id),
  outcome      text check (outcome in ('given', 'skipped')),
  detail       text,
  given_at     timestamptz,
  primary key (gift_id, customer_id)
);
create index gift_recipients_pending on gift_recipients (gift_id) where outcome is null;
