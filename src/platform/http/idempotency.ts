import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { conflict, invalidRequest } from '../errors.ts';
import { withoutSecrets } from './secret-fields.ts';

const ADMIN_SCOPE = 'admin';
/** A claim whose request died without answering is taken over after this long. */
const ABANDONED_AFTER_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: { scope: string; key: string } | null;
  }
}

/**
 * `Idempotency-Key` on any POST: the first request's status and body are stored, a replay gets
 * them back with `Idempotent-Replayed: true`, the same key with another body is refused, and a
 * replay that arrives while the first is still running gets a 409. Server errors are not
 * stored, so the request can be retried. Secrets an answer showed are not stored: a replay says
 * `[redacted]` where the first answer had them.
 */
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return;
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      throw invalidRequest('invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 characters.', 'Idempotency-Key');
    }
    const scope = request.program?.id ?? ADMIN_SCOPE;
    const hash = requestHash(request);
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({ program_id: scope, key, request_hash: hash })
      .onConflict((oc) =>
        oc.columns(['program_id', 'key']).doUpdateSet({ request_hash: hash, created_at: sql`now()` })
          .where('idempotency_keys.status_code', 'is', null)
          .where(sql<boolean>`idempotency_keys.created_at < now() - make_interval(secs => ${ABANDONED_AFTER_MS / 1000})`),
      )
      .returning('key')
      .executeTakeFirst();
    if (claimed) {
      request.idempotencyClaim = { scope, key };
      return;
    }
    const stored = await db.selectFrom('idempotency_keys').selectAll().where('program_id', '=', scope).where('key', '=', key).executeTakeFirstOrThrow();
    if (stored.request_hash !== hash) {
      throw invalidRequest('idempotency_key_reused', 'This Idempotency-Key was used with a different request.', 'Idempotency-Key');
    }
    if (stored.status_code === null) {
      throw conflict('idempotency_key_in_use', 'A request with this Idempotency-Key is still being processed; retry shortly.');
    }
    reply.header('idempotent-replayed', 'true').header('content-type', 'application/json; charset=utf-8');
    return reply.status(stored.status_code).send(stored.response_body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    const where = db.deleteFrom('idempotency_keys').where('program_id', '=', claim.scope).where('key', '=', claim.key);
    if (reply.statusCode >= 500) {
      await where.execute();
    } else {
      await db
        .updateTable('idempotency_keys')
        .set({ status_code: reply.statusCode, response_body: storable(String(payload)) })
        .where('program_id', '=', claim.scope)
        .where('key', '=', claim.key)
        .execute();
    }
    return payload;
  });
}

/** The answer to keep for replays: secrets it showed (a new key, a webhook secret) are not kept. */
function storable(body: string): string {
  try {
    return JSON.stringify(withoutSecrets(JSON.parse(body)));
  } catch {
    return body;
  }
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
}

/** Keys are kept at least 24 hours; the daily sweep forgets older ones. */
export async function forgetOldIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 48 * 3_600_000);
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
