import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/database.ts';
import { RegularsError } from '../platform/errors.ts';
import { keysEqual } from '../programs/api-keys.ts';
import { findProgramByKey, type ProgramContext } from '../programs/program-store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    program: ProgramContext;
  }
  interface FastifyInstance {
    /** Drops cached key lookups after a program's settings change on this instance. */
    forgetCachedKeys(): void;
  }
  interface FastifyContextConfig {
    /** Who may call the route: a program's secret key (default under /v1), the instance admin key, or anyone. */
    auth?: 'program' | 'admin' | 'public';
  }
}

/** Keys are looked up at most every few seconds per instance: a revoked key stops within that. */
const CACHE_MS = 5_000;

export function registerAuthentication(app: FastifyInstance, db: Db, adminKey: string | undefined): void {
  const cache = new Map<string, { program: ProgramContext; until: number }>();

  async function programFor(key: string): Promise<ProgramContext | undefined> {
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.program;
    const program = await findProgramByKey(db, key);
    if (program) cache.set(key, { program, until: Date.now() + CACHE_MS });
    else cache.delete(key);
    return program;
  }

  app.decorate('forgetCachedKeys', () => cache.clear());
  app.decorateRequest('program', null as unknown as ProgramContext);
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    const auth = request.routeOptions.config?.auth ?? (route?.startsWith('/v1/') ? 'program' : 'public');
    if (auth === 'public' || !route) return;
    const key = bearerKey(request);
    if (auth === 'admin') {
      if (!adminKey) throw new RegularsError('permission', 'admin_disabled', 'Set REGULARS_ADMIN_KEY to use admin endpoints.');
      if (!keysEqual(key, adminKey)) throw new RegularsError('authentication', 'invalid_api_key', 'The admin key is not valid.');
      return;
    }
    const program = await programFor(key);
    if (!program) throw new RegularsError('authentication', 'invalid_api_key', 'The API key is not valid or was revoked.');
    request.program = program;
  });
}

function bearerKey(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new RegularsError('authentication', 'missing_api_key', 'Send your secret key as "Authorization: Bearer sk_…".');
  }
  return match[1];
}
