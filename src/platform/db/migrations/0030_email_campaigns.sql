-- Email campaigns (docs/emails.md#campaigns): a one-off email to a segment (or everyone), at a
-- time, in the merchant's words per locale, optionally with a group gift. Its messages are
-- email_messages of the flow 'campaign' keyed by the campaign, so each customer gets it once.
create table email_campaigns (
  id            text primary key,
  program_id    text not null references programs (id),
  name          text not null,
  -- A survey campaign asks the 0–10 question (docs/surveys.md); a message only says something.
  kind          text not null default 'message' check (kind in ('message', 'survey')),
  segment_id    text references segments (id),
  -- {locale: {subject, preheader, heading, body, button}}
  content       jsonb not null,
  button_url    text,
  gift_id       text references gifts (id),
  status        text not null default 'scheduled' check (status in ('scheduled', 'started', 'cancelled')),
  scheduled_at  timestamptz not null,
  recipients    integer,
  created_by    text,
  created_at    timestamptz not null,
  started_at    timestamptz,
  cancelled_at  timestamptz
);
create index email_campaigns_program on email_campaigns (program_id, id);
create index email_campaigns_due on email_campaigns (scheduled_at) where status = 'scheduled';

-- A campaign's gift may go to everyone: neither a segment nor a list.
alter table gifts drop constraint gifts_check1;
alter table gifts add constraint gifts_one_audience check (segment_id is null or customer_ids is null);

-- The report of one campaign reads its messages.
create index email_messages_campaign on email_messages (program_id, trigger_key) where flow = 'campaign';
