-- Outbound webhooks (docs/webhooks.md). Program events are the outbox: written in the transaction
-- of the change that causes them, numbered in each customer's sequence, and fanned out here, by a
-- trigger in the same transaction, into one delivery per endpoint that subscribes to the type.

-- Event ids read as events (`evt_…`), as the webhook payloads and headers carry them.
update program_events set id = 'evt_' || substr(id, 5) where id like 'pev\_%';

-- A per-customer sequence, so a consumer can put what arrives out of order back in order.
alter table customers add column event_sequence bigint not null default 0;
alter table program_events add column sequence bigint;

-- A few events belong to the program, not to a customer (`webhook_endpoint.disabled`): the key
-- still leads with the id and names the customer (DESIGN rule 8), and a missing customer is one key.
alter table program_events drop constraint program_events_pkey;
alter table program_events alter column customer_id drop not null;
create unique index program_events_id on program_events (id, customer_id) nulls not distinct;
alter table program_events drop constraint program_events_program_id_customer_id_dedupe_key_key;
create unique index program_events_dedupe on program_events (program_id, customer_id, dedupe_key) nulls not distinct;

create table webhook_endpoints (
  id                          text primary key,
  program_id                  text not null references programs (id),
  url                         text not null,
  description                 text not null default '',
  events                      text[] not null,
  -- Sealed with the instance's encryption key; the previous one signs too until it expires.
  secret                      text not null,
  previous_secret             text,
  previous_secret_expires_at  timestamptz,
  status                      text not null default 'enabled' check (status in ('enabled', 'disabled')),
  disabled_reason             text,
  -- Since when every attempt has failed (null after a success): five days of it disables.
  failing_since               timestamptz,
  created_at                  timestamptz not null,
  updated_at                  timestamptz not null
);
create index webhook_endpoints_program on webhook_endpoints (program_id);

create table webhook_deliveries (
  id               text primary key,
  program_id       text not null,
  endpoint_id      text not null references webhook_endpoints (id) on delete cascade,
  event_id         text not null,
  event_type       text not null,
  -- The exact bytes sent (and signed) on every attempt.
  body             text not null,
  status           text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  -- Index of the next attempt in the retry schedule.
  step             integer not null default 0,
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null,
  last_status      integer,
  created_at       timestamptz not null,
  finished_at      timestamptz,
  unique (endpoint_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc, id desc);

create table webhook_attempts (
  id            bigint generated always as identity primary key,
  delivery_id   text not null references webhook_deliveries (id) on delete cascade,
  attempted_at  timestamptz not null,
  -- The HTTP status; null when there was no answer (refused address, timeout, connection error).
  status        integer,
  latency_ms    integer not null,
  -- The first 1 kB of the answer, or what went wrong; never the secret.
  response      text not null default '',
  error         text
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempted_at);

-- The payload: `{id, type, timestamp, data}`, with the customer's ids and sequence in the data.
create function webhook_body(e program_events, c customers) returns text language sql stable as $$
  select jsonb_build_object(
    'id', e.id,
    'type', e.type,
    'timestamp', to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'data', case when c.id is null then e.data else jsonb_build_object(
      'customer', jsonb_build_object('id', c.id, 'store_customer_id', c.external_id, 'email', c.email),
      'sequence', e.sequence) || e.data end
  )::text
$$;

create function fan_out_program_events() returns trigger language plpgsql as $$
begin
  insert into webhook_deliveries (id, program_id, endpoint_id, event_id, event_type, body, next_attempt_at, created_at)
  select 'whd_' || substr(e.id, 5) || right(w.id, 8), e.program_id, w.id, e.id, e.type, webhook_body(e, c), e.created_at, e.created_at
  from new_events e
  join webhook_endpoints w on w.program_id = e.program_id and w.status = 'enabled'
    and w.events && array[e.type, split_part(e.type, '.', 1) || '.*', '*']
  left join customers c on c.id = e.customer_id
  on conflict do nothing;
  return null;
end $$;

create trigger program_events_fan_out after insert on program_events
  referencing new table as new_events for each statement execute function fan_out_program_events();
