-- Each opt-out from the unsubscribe link (one-click or the page), for the flows' reports: it is
-- counted against the last marketing email the customer got before it.
create table email_unsubscribes (
  program_id   text not null references programs (id),
  customer_id  text not null references customers (id),
  via          text not null check (via in ('one_click', 'page')),
  at           timestamptz not null,
  primary key (customer_id, at)
);
create index email_unsubscribes_program on email_unsubscribes (program_id, at);
create index email_messages_sent on email_messages (customer_id, sent_at) where sent_at is not null;
