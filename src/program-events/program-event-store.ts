import type { Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { ProgramEventsTable } from '../platform/db/schema.ts';
import { appendEvents, type OutboxEvent } from '../platform/outbox.ts';

export type ProgramEventRow = Selectable<ProgramEventsTable>;

/** Records something the engine tells the outside world, once per customer and dedupe key. */
export async function emitEvent(db: Db | Tx, e: OutboxEvent, at: Date): Promise<boolean> {
  return (await appendEvents(db, [e], at)).has(e.dedupeKey);
}

export async function listEvents(db: Db, programId: string, filter: { customer_id?: string; type?: string; limit: number; starting_after?: string }) {
  let query = db.selectFrom('program_events').selectAll().where('program_id', '=', programId);
  if (filter.customer_id) query = query.where('customer_id', '=', filter.customer_id);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}
