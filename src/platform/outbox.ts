import { sql } from 'kysely';
import type { Db, Tx } from './db/database.ts';
import { newId } from './ids.ts';
import { prepared } from './db/prepared-statements.ts';

/** Something the engine tells the outside world: a customer's (or, with no customer, the program's). */
export interface OutboxEvent {
  programId: string;
  customerId: string | null;
  type: string;
  /** Unique per customer: the same key twice records one event. */
  dedupeKey: string;
  data: Record<string, unknown>;
}

/**
 * The outbox: appends program events in the caller's transaction, so a crash never loses or invents
 * one. Each takes the next number in its customer's sequence (consumers order by it), and a
 * trigger (migration 0027) fans it out into the deliveries of the webhook endpoints that want it.
 * Returns the dedupe keys recorded now (not seen before), in one statement for any number of events.
 */
export async function appendEvents(db: Db | Tx, events: OutboxEvent[], at: Date): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = events.map((e, n) => ({ n, id: newId('evt', at.getTime()), program_id: e.programId, customer_id: e.customerId, type: e.type, dedupe_key: e.dedupeKey, data: e.data }));
  const result = await sql<{ customer_id: string | null; dedupe_key: string }>`
    with e as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as e(n int, id text, program_id text, customer_id text, type text, dedupe_key text, data jsonb)
    ), fresh as (
      select e.*, row_number() over (partition by e.customer_id order by e.n) as place from e
      -- Two probes of the dedupe key's index (an "is not distinct from" would not use it).
      where not exists (select 1 from program_events p where p.program_id = e.program_id and p.customer_id = e.customer_id and p.dedupe_key = e.dedupe_key)
        and not exists (select 1 from program_events p where e.customer_id is null and p.program_id = e.program_id and p.customer_id is null and p.dedupe_key = e.dedupe_key)
    ), counted as (
      update customers c set event_sequence = c.event_sequence + f.count
      from (select customer_id, count(*) as count from fresh where customer_id is not null group by customer_id) f
      where c.id = f.customer_id
      returning c.id, c.event_sequence - f.count as before
    )
    insert into program_events (id, program_id, customer_id, type, dedupe_key, data, sequence, created_at)
    select f.id, f.program_id, f.customer_id, f.type, f.dedupe_key, f.data, s.before + f.place, ${at}::timestamptz
    from fresh f left join counted s on s.id = f.customer_id
    order by f.n
    on conflict do nothing
    returning customer_id, dedupe_key ${prepared}`.execute(db);
  return new Set(result.rows.map((r) => r.dedupe_key));
}
