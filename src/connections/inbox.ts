import { sql, type Selectable } from 'kysely';
import type { StoreDeliveriesTable } from '../platform/db/connection-tables.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';

export type DeliveryRow = Selectable<StoreDeliveriesTable>;

export interface IncomingDelivery {
  connectionId: string;
  programId: string;
  deliveryId: string | undefined;
  eventId: string | undefined;
  topic: string;
  subject: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Stores a verified delivery in the inbox, in one short statement, before it is acknowledged. A
 * delivery seen before (the same delivery id) is not stored again: `duplicate` says so.
 */
export async function recordDelivery(db: Db, delivery: IncomingDelivery, at: Date): Promise<{ id: string; duplicate: boolean }> {
  const inserted = await db
    .insertInto('store_deliveries')
    .values({
      id: newId('dlv', at.getTime()),
      connection_id: delivery.connectionId,
      program_id: delivery.programId,
      delivery_id: delivery.deliveryId ?? null,
      event_id: delivery.eventId ?? null,
      topic: delivery.topic,
      subject: delivery.subject,
      headers: JSON.stringify(delivery.headers),
      body: delivery.body,
      not_before: at,
      received_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, duplicate: false };
  const first = await db.selectFrom('store_deliveries').select('id').where('connection_id', '=', delivery.connectionId).where('delivery_id', '=', delivery.deliveryId!).executeTakeFirstOrThrow();
  return { id: first.id, duplicate: true };
}

/** A claim older than this belongs to a process that died: the delivery is due again. */
const CLAIM_EXPIRES_MS = 5 * 60_000;

/**
 * Claims deliveries that are due, oldest first, for this process alone (SKIP LOCKED: two
 * instances never take the same one).
 */
export async function claimDueDeliveries(db: Db, now: Date, limit: number): Promise<DeliveryRow[]> {
  const expired = new Date(now.getTime() - CLAIM_EXPIRES_MS);
  const rows = await sql<DeliveryRow>`
    update store_deliveries d set status = 'processing', claimed_at = ${now}, attempts = d.attempts + 1
    where d.id in (
      select id from store_deliveries
      where not_before <= ${now} and (status = 'received' or (status = 'processing' and claimed_at < ${expired}))
      order by received_at, id
      limit ${limit}
      for update skip locked)
    returning d.*`.execute(db);
  return rows.rows.sort((a, b) => new Date(a.received_at).getTime() - new Date(b.received_at).getTime() || a.id.localeCompare(b.id));
}

export async function finishDelivery(db: Db, id: string, outcome: { status: 'processed' | 'skipped' | 'failed'; error?: string }, at: Date): Promise<void> {
  await db.updateTable('store_deliveries').set({ status: outcome.status, error: outcome.error ?? null, processed_at: at }).where('id', '=', id).execute();
}

/** A delivery that failed for a passing reason (the database, a bug fixed since) is tried again later, less often each time. */
export async function retryDelivery(db: Db, delivery: DeliveryRow, error: string, at: Date): Promise<void> {
  const waitSeconds = Math.min(3600, 2 ** Math.min(delivery.attempts, 12));
  await db
    .updateTable('store_deliveries')
    .set({ status: 'received', error: error.slice(0, 500), not_before: new Date(at.getTime() + waitSeconds * 1000) })
    .where('id', '=', delivery.id)
    .execute();
}

export async function listDeliveries(db: Db, programId: string, connectionId: string, page: { limit: number; starting_after?: string }) {
  let query = db
    .selectFrom('store_deliveries')
    .select(['id', 'connection_id', 'delivery_id', 'event_id', 'topic', 'subject', 'status', 'attempts', 'received_at', 'processed_at', 'error'])
    .where('program_id', '=', programId)
    .where('connection_id', '=', connectionId);
  if (page.starting_after) query = query.where('id', '<', page.starting_after);
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Raw bodies hold shoppers' personal data: kept a week after processing, for diagnosis, then dropped. */
export async function forgetOldBodies(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 7 * 86_400_000);
  const result = await db.updateTable('store_deliveries').set({ body: null }).where('body', 'is not', null).where('processed_at', '<', before).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A privacy erasure: drop the raw bodies of the connection that mention the customer (or all of them). */
export async function forgetBodies(db: Db, connectionId: string, mentioning?: string[]): Promise<void> {
  let query = db.updateTable('store_deliveries').set({ body: null }).where('connection_id', '=', connectionId).where('body', 'is not', null);
  if (mentioning) {
    const needles = mentioning.filter(Boolean);
    if (needles.length === 0) return;
    query = query.where((eb) => eb.or(needles.map((needle) => eb('body', 'like', `%${needle.replace(/[%_\\]/g, '\\$&')}%`))));
  }
  await query.execute();
}
