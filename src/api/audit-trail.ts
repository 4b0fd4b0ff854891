import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.ts';
import type { Deps } from '../platform/deps.ts';
import { withoutSecrets } from '../platform/http/secret-fields.ts';

/**
 * The store's own feed (orders, events, codes used at checkout, memberships billed): written by
 * the store's key thousands of times a day and each already explained in the ledger, so not
 * repeated in the audit log. Made by a dashboard user, they are recorded like every other write.
 */
const STORE_FEED = new Set(['createOrder', 'cancelOrder', 'refundOrder', 'reportEvent', 'reportMembership', 'useRedemption', 'validateDiscountCode', 'redeemReward', 'upsertCustomer', 'referFriend']);
const MAX_SNAPSHOT = 16_384;
/** Marks the reads of `before` as the audit trail's own (not counted against the caller's rate limit); unguessable, so no one else can. */
const AUDIT_READ = randomBytes(16).toString('hex');
export const isAuditRead = (request: FastifyRequest) => request.headers['regulars-audit-read'] === AUDIT_READ;

declare module 'fastify' {
  interface FastifyRequest {
    auditBefore: unknown;
  }
}

/**
 * Every write a user or a key makes under /v1 is appended to the audit log: who, what object, the
 * object before (read through its own GET route) and after (the answer), and the reason given.
 */
export function registerAuditTrail(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('auditBefore', null);
  app.addHook('preHandler', async (request) => {
    if (!audited(request)) return;
    const url = objectUrl(request);
    if (url && app.hasRoute({ method: 'GET', url: url.route })) request.auditBefore = await read(app, request, url.path);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // A replayed Idempotency-Key changed nothing this time: its first answer was logged already.
    if (!audited(request) || reply.statusCode >= 300 || reply.getHeader('idempotent-replayed')) return payload;
    const after = typeof payload === 'string' && payload.length <= MAX_SNAPSHOT ? withoutSecrets(parse(payload)) : null;
    const params = request.params as Record<string, string> | undefined;
    const body = request.body as Record<string, unknown> | undefined;
    const afterObject = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
    const beforeObject = request.auditBefore && typeof request.auditBefore === 'object' ? (request.auditBefore as Record<string, unknown>) : {};
    // The object acted on is the URL's {id} (described by its GET), or what the write created.
    const subjectId = params?.id ?? (typeof afterObject.id === 'string' ? afterObject.id : undefined);
    const subjectType = (params?.id ? beforeObject.object : afterObject.object) ?? (request.routeOptions.url ?? '').split('/')[2];
    const actor = request.actor!;
    await recordAudit(
      deps.db,
      {
        programId: request.program.id,
        actor: `${actor.kind === 'user' ? 'user' : 'key'}:${actor.id}`,
        actorName: actor.kind === 'user' ? actor.email : null,
        action: snakeCase(request.routeOptions.schema?.operationId ?? `${request.method} ${request.routeOptions.url}`),
        subject: subjectId ? { type: String(subjectType ?? 'object'), id: subjectId } : undefined,
        before: withoutSecrets(request.auditBefore),
        after,
        reason: typeof body?.reason === 'string' ? body.reason : null,
      },
      deps.clock.now(),
    ).catch((error: unknown) => request.log.error({ err: error }, 'the audit log refused a line'));
    return payload;
  });
}

function audited(request: FastifyRequest): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || !request.actor || !request.routeOptions.url?.startsWith('/v1/')) return false;
  if (request.routeOptions.config.changesNothing) return false;
  return request.actor.kind === 'user' || !STORE_FEED.has(request.routeOptions.schema?.operationId ?? '');
}

/** The object a write changes: its own URL (PATCH, DELETE), or the one an action is taken on (POST …/{id}/void). */
function objectUrl(request: FastifyRequest): { route: string; path: string } | null {
  const route = request.routeOptions.url ?? '';
  const path = request.url.split('?')[0]!;
  if (request.method !== 'POST') return { route, path };
  if (!route.includes(':')) return null;
  const cut = (s: string) => s.slice(0, s.lastIndexOf('/'));
  return { route: cut(route), path: cut(path) };
}

async function read(app: FastifyInstance, request: FastifyRequest, path: string): Promise<unknown> {
  const headers: Record<string, string> = { 'regulars-audit-read': AUDIT_READ };
  for (const name of ['authorization', 'cookie', 'regulars-program']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const response = await app.inject({ method: 'GET', url: path, headers });
  return response.statusCode === 200 && response.body.length <= MAX_SNAPSHOT ? parse(response.body) : null;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** Secrets never reach the audit log, not even as a key's one-time answer. */
const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
