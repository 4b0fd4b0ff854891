import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhookDeliveryStatus } from '../platform/db/webhook-tables.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Outcome } from './delivery-outcome.ts';
import type { WebhookEndpointRow } from './endpoint-store.ts';
import { TIMEOUT_MS, type Answer } from './webhook-request.ts';

export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptsTable>;

/** Deliveries and their attempts are kept this long. */
export const KEPT_MS = 30 * 24 * 3_600_000;
/** A claimed delivery is someone's for this long: an instance that dies mid-attempt leaves it to another after. */
const LEASE_MS = TIMEOUT_MS + 5_000;

/**
 * Claims deliveries that are due, for this instance to attempt: at most `perEndpoint` of each
 * enabled endpoint (none of those in `busy`), oldest first. A claim moves `next_attempt_at` past
 * the lease; a concurrent claim re-reads the row and skips it, so no two instances attempt one
 * delivery at once.
 */
export async function claimDue(db: Db, now: Date, options: { limit: number; perEndpoint: number; busy: string[] }): Promise<WebhookDeliveryRow[]> {
  const result = await sql<WebhookDeliveryRow>`
    update webhook_deliveries d set next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
    where d.id in (
      select id from (
        select d.id, d.next_attempt_at, row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.id) as place
        from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
        where d.status = 'pending' and d.next_attempt_at <= ${now} and w.status = 'enabled' and d.endpoint_id <> all(${options.busy}::text[])
      ) due
      where place <= ${options.perEndpoint}
      order by next_attempt_at
      limit ${options.limit}
    )
    and d.status = 'pending' and d.next_attempt_at <= ${now}
    returning d.*`.execute(db);
  return result.rows;
}

/** Records an attempt and what follows from it for the delivery, in the caller's transaction. */
export async function recordAttempt(tx: Tx, delivery: WebhookDeliveryRow, attempt: { at: Date; latencyMs: number; answer: Answer; outcome: Outcome }): Promise<void> {
  const { answer, outcome } = attempt;
  await tx
    .insertInto('webhook_attempts')
    .values({ delivery_id: delivery.id, attempted_at: attempt.at, status: answer.status, latency_ms: attempt.latencyMs, response: answer.status === null ? '' : answer.response, error: answer.status === null ? answer.error : null })
    .execute();
  const finished = outcome.kind !== 'retry';
  const status: WebhookDeliveryStatus = outcome.kind === 'succeeded' ? 'succeeded' : outcome.kind === 'retry' ? 'pending' : 'failed';
  await tx
    .updateTable('webhook_deliveries')
    .set({
      status,
      attempts: sql`attempts + 1`,
      step: sql`step + 1`,
      last_status: answer.status,
      next_attempt_at: outcome.kind === 'retry' ? outcome.at : attempt.at,
      finished_at: finished ? attempt.at : null,
    })
    .where('id', '=', delivery.id)
    .execute();
}

/** A delivery of its own for one endpoint (the test event), due at once. */
export async function queueDelivery(db: Db, endpoint: WebhookEndpointRow, event: { type: string; data: Record<string, unknown> }, at: Date): Promise<WebhookDeliveryRow> {
  const id = newId('evt', at.getTime());
  const body = JSON.stringify({ id, type: event.type, timestamp: at.toISOString(), data: event.data });
  return db
    .insertInto('webhook_deliveries')
    .values({ id: `whd_${id.slice(4)}${endpoint.id.slice(-8)}`, program_id: endpoint.program_id, endpoint_id: endpoint.id, event_id: id, event_type: event.type, body, next_attempt_at: at, created_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getDelivery(db: Db, programId: string, id: string): Promise<WebhookDeliveryRow> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('webhook_delivery', id);
  return row;
}

export async function listDeliveries(db: Db, endpointId: string, filter: { status?: WebhookDeliveryStatus; event_type?: string; limit: number; starting_after?: string }) {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.event_type) query = query.where('event_type', '=', filter.event_type);
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** Each delivery's attempts, oldest first. */
export async function attemptsOf(db: Db, deliveryIds: string[]): Promise<Map<string, WebhookAttemptRow[]>> {
  const byDelivery = new Map<string, WebhookAttemptRow[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('attempted_at').orderBy('id').execute();
  for (const row of rows) byDelivery.get(row.delivery_id)?.push(row);
  return byDelivery;
}

/**
 * Sends deliveries again, from the start of the schedule, with the same event id and body (a
 * consumer that already has one sees a duplicate it can recognise by `webhook-id`).
 */
export async function requeue(db: Db, where: { programId: string; ids?: string[]; endpointId?: string; failedSince?: Date }, now: Date): Promise<number> {
  let query = db.updateTable('webhook_deliveries').set({ status: 'pending', step: 0, next_attempt_at: now, finished_at: null }).where('program_id', '=', where.programId);
  if (where.ids) query = query.where('id', 'in', where.ids);
  if (where.endpointId) query = query.where('endpoint_id', '=', where.endpointId);
  if (where.failedSince) query = query.where('status', '=', 'failed').where('created_at', '>=', where.failedSince);
  if (!where.ids) query = query.where('status', '<>', 'pending');
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Forgets finished deliveries (and their attempts) older than 30 days. */
export async function forgetOldDeliveries(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('webhook_deliveries').where('status', '<>', 'pending').where('created_at', '<', new Date(now.getTime() - KEPT_MS)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
