import type { Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { WebhookEndpointsTable } from '../platform/db/webhook-tables.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { appendEvents } from '../platform/outbox.ts';
import type { SecretBox } from '../platform/secrets.ts';
import { newWebhookSecret } from './webhook-signature.ts';

export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;

const MAX_ENDPOINTS = 20;
/** After a rotation the old secret signs beside the new one this long, so consumers can switch without losing a delivery. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export interface EndpointInput {
  url: string;
  events: string[];
  description?: string;
}

/** A new endpoint and its secret, which is returned this once and kept sealed. */
export async function createEndpoint(db: Db, secrets: SecretBox, programId: string, input: EndpointInput, at: Date): Promise<{ endpoint: WebhookEndpointRow; secret: string }> {
  const count = await db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<number>().as('n')).where('program_id', '=', programId).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_ENDPOINTS) throw conflict('limit_reached', `A program has at most ${MAX_ENDPOINTS} webhook endpoints; remove one first.`);
  const secret = newWebhookSecret();
  const endpoint = await db
    .insertInto('webhook_endpoints')
    .values({ id: newId('whe', at.getTime()), program_id: programId, url: input.url, description: input.description ?? '', events: unique(input.events), secret: secrets.seal(secret), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { endpoint, secret };
}

const unique = (events: string[]) => [...new Set(events)];

export async function getEndpoint(db: Db | Tx, programId: string, id: string): Promise<WebhookEndpointRow> {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('webhook_endpoint', id);
  return row;
}

export const listEndpoints = (db: Db, programId: string) => db.selectFrom('webhook_endpoints').selectAll().where('program_id', '=', programId).orderBy('id').execute();

/** Re-enabling clears the reason and the failing streak; the deliveries still pending go again. */
export async function updateEndpoint(db: Db, programId: string, id: string, changes: Partial<EndpointInput> & { status?: 'enabled' | 'disabled' }, at: Date): Promise<WebhookEndpointRow> {
  const before = await getEndpoint(db, programId, id);
  const reenabled = changes.status === 'enabled' && before.status === 'disabled';
  return db
    .updateTable('webhook_endpoints')
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.events !== undefined ? { events: unique(changes.events) } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.status === 'disabled' && before.status === 'enabled' ? { status: 'disabled' as const, disabled_reason: 'by_merchant' } : {}),
      ...(reenabled ? { status: 'enabled' as const, disabled_reason: null, failing_since: null } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteEndpoint(db: Db, programId: string, id: string): Promise<void> {
  const result = await db.deleteFrom('webhook_endpoints').where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('webhook_endpoint', id);
}

/** A new secret signs from now on; the current one keeps signing beside it for 24 hours. */
export async function rotateSecret(db: Db, secrets: SecretBox, programId: string, id: string, at: Date): Promise<{ endpoint: WebhookEndpointRow; secret: string }> {
  const before = await getEndpoint(db, programId, id);
  const secret = newWebhookSecret();
  const endpoint = await db
    .updateTable('webhook_endpoints')
    .set({ secret: secrets.seal(secret), previous_secret: before.secret, previous_secret_expires_at: new Date(at.getTime() + ROTATION_OVERLAP_MS), updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { endpoint, secret };
}

/** The secrets that sign a delivery now: the current one, and the previous one during its overlap. */
export function signingSecrets(endpoint: Pick<WebhookEndpointRow, 'secret' | 'previous_secret' | 'previous_secret_expires_at'>, secrets: SecretBox, now: Date): string[] {
  const current = secrets.open(endpoint.secret);
  const overlapping = endpoint.previous_secret && endpoint.previous_secret_expires_at && new Date(endpoint.previous_secret_expires_at) > now;
  return overlapping ? [current, secrets.open(endpoint.previous_secret!)] : [current];
}

export type DisabledReason = 'gone' | 'failing';

/** Disables an endpoint the engine gave up on, and announces it (`webhook_endpoint.disabled`) to the program's other endpoints. */
export async function disableEndpoint(tx: Tx, endpoint: WebhookEndpointRow, reason: DisabledReason, at: Date): Promise<void> {
  const disabled = await tx.updateTable('webhook_endpoints').set({ status: 'disabled', disabled_reason: reason, updated_at: at }).where('id', '=', endpoint.id).where('status', '=', 'enabled').returning('id').executeTakeFirst();
  if (!disabled) return;
  await appendEvents(tx, [{ programId: endpoint.program_id, customerId: null, type: 'webhook_endpoint.disabled', dedupeKey: `webhook_endpoint.disabled:${endpoint.id}:${at.getTime()}`, data: { endpoint_id: endpoint.id, url: endpoint.url, reason } }], at);
}
