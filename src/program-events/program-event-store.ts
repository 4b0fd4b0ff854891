import type { Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { ProgramEventsTable } from '../platform/db/schema.ts';
import { newId } from '../platform/ids.ts';

export type ProgramEventRow = Selectable<ProgramEventsTable>;

/** Records something the engine tells the outside world, once per customer and dedupe key. */
export async function emitEvent(
  db: Db | Tx,
  e: { programId: string; customerId: string; type: string; dedupeKey: string; data: Record<string, unknown> },
  at: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('program_events')
    .values({ id: newId('pev', at.getTime()), program_id: e.programId, customer_id: e.customerId, type: e.type, dedupe_key: e.dedupeKey, data: JSON.stringify(e.data), created_at: at })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function listEvents(db: Db, programId: string, filter: { customer_id?: string; type?: string; limit: number; starting_after?: string }) {
  let query = db.selectFrom('program_events').selectAll().where('program_id', '=', programId);
  if (filter.customer_id) query = query.where('customer_id', '=', filter.customer_id);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}
