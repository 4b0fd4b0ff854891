-- Link tracking, off unless the merchant turns it on (privacy): an email's links then pass
-- through /c?t={token}, which records the click and redirects to where the link pointed.
alter table programs add column email_link_tracking boolean not null default false;

create table email_clicks (
  program_id   text not null references programs (id),
  customer_id  text not null references customers (id),
  message_id   text not null,
  url          text not null,
  at           timestamptz not null,
  primary key (customer_id, message_id, at)
);
create index email_clicks_program on email_clicks (program_id, at);
