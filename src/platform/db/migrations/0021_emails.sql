-- Lifecycle emails. A message is keyed by (flow, step, customer, trigger): the sweep that finds
-- what is due inserts it with ON CONFLICT DO NOTHING, so a sweep run twice, late or on two
-- instances creates it once; delivery claims it with SKIP LOCKED, so it is sent once.

alter table customers add column locale text, add column time_zone text;

alter table programs
  add column email_from text,
  add column email_reply_to text,
  add column email_postal_address text,
  add column review_url text,
  -- Quiet hours in the customer's time zone; null: none.
  add column email_quiet_hours jsonb default '{"start": "21:00", "end": "08:00"}',
  add column email_frequency_cap_hours integer not null default 16 check (email_frequency_cap_hours between 0 and 720);

create table email_flow_settings (
  program_id     text not null references programs (id),
  flow           text not null,
  enabled        boolean not null,
  category       text not null check (category in ('marketing', 'transactional')),
  delay_minutes  integer check (delay_minutes between 0 and 525600),
  conditions     jsonb not null default '{}',
  reward_id      text,
  updated_at     timestamptz not null,
  primary key (program_id, flow)
);

create table email_templates (
  program_id  text not null references programs (id),
  template    text not null,
  locale      text not null,
  subject     text not null,
  preheader   text not null,
  heading     text not null,
  body        text not null,
  button      text not null,
  updated_at  timestamptz not null,
  primary key (program_id, template, locale)
);

create table email_messages (
  id             text not null,
  program_id     text not null references programs (id),
  customer_id    text not null,
  flow           text not null,
  template       text not null,
  trigger_key    text not null,
  category       text not null check (category in ('marketing', 'transactional')),
  status         text not null check (status in ('queued', 'deferred', 'sent', 'outbox', 'suppressed', 'failed', 'cancelled')),
  reason         text,
  -- What the message is about (an order, a code, a lot), for the variables at delivery.
  context        jsonb not null default '{}',
  send_after     timestamptz not null,
  attempts       integer not null default 0,
  claimed_until  timestamptz,
  to_address     text,
  locale         text,
  subject        text,
  html           text,
  text_body      text,
  smtp_response  text,
  created_at     timestamptz not null,
  sent_at        timestamptz,
  primary key (id, customer_id),
  foreign key (customer_id) references customers (id)
);
create unique index email_messages_once on email_messages (program_id, flow, template, customer_id, trigger_key);
create index email_messages_due on email_messages (send_after) where status in ('queued', 'deferred');
create index email_messages_program on email_messages (program_id, id desc);
create index email_messages_customer on email_messages (customer_id, created_at desc);

-- Addresses never to write to again: a hard bounce, a complaint, or set by the merchant.
create table email_suppressions (
  program_id  text not null references programs (id),
  email       text not null,
  reason      text not null,
  created_at  timestamptz not null,
  primary key (program_id, email)
);
