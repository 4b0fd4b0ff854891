import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import type { SecretBox } from '../platform/secrets.ts';
import { keysEqual } from '../programs/api-keys.ts';
import { findProgramByKey, findProgramByPublishableKey, type ProgramContext, type WidgetSecrets } from '../programs/program-store.ts';
import { verifyCustomerToken, type Shopper } from '../storefront/customer-token.ts';

declare module 'fastify' {
  interface FastifyRequest {
    program: ProgramContext;
    /** Storefront requests: the shopper the customer token names; undefined for a guest. */
    shopper: Shopper | undefined;
    /** Storefront requests: the origins the program lets its widget run on. */
    storefrontOrigins: string[];
  }
  interface FastifyInstance {
    /** Drops cached key lookups after a program's settings change on this instance. */
    forgetCachedKeys(): void;
  }
  interface FastifyContextConfig {
    /**
     * Who may call the route: a program's secret key (default under /v1), a publishable key with
     * an optional customer token (default under /storefront/v1), the instance admin key, or anyone.
     */
    auth?: 'program' | 'storefront' | 'admin' | 'public';
  }
}

/** Keys are looked up at most every few seconds per instance: a revoked key stops within that. */
const CACHE_MS = 5_000;

interface Storefront {
  program: ProgramContext;
  widgetSecrets: WidgetSecrets;
  origins: string[];
}

export function registerAuthentication(app: FastifyInstance, deps: Deps, adminKey: string | undefined): void {
  const { db, secrets, clock } = deps;
  const programs = keyCache((key) => findProgramByKey(db, key));
  const storefronts = keyCache((key) => findProgramByPublishableKey(db, key));

  app.decorate('forgetCachedKeys', () => {
    programs.clear();
    storefronts.clear();
  });
  app.decorateRequest('program', null as unknown as ProgramContext);
  app.decorateRequest('shopper', undefined);
  app.decorateRequest('storefrontOrigins', null as unknown as string[]);
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    const auth = request.routeOptions.config?.auth ?? (route?.startsWith('/v1/') ? 'program' : route?.startsWith('/storefront/v1/') ? 'storefront' : 'public');
    if (auth === 'public' || !route) return;
    if (auth === 'storefront') return storefront(request, await storefronts.get(publishableKey(request)), secrets, clock.now());
    const key = bearerKey(request);
    if (auth === 'admin') {
      if (!adminKey) throw new RegularsError('permission', 'admin_disabled', 'Set REGULARS_ADMIN_KEY to use admin endpoints.');
      if (!keysEqual(key, adminKey)) throw new RegularsError('authentication', 'invalid_api_key', 'The admin key is not valid.');
      return;
    }
    const program = await programs.get(key);
    if (!program) throw new RegularsError('authentication', 'invalid_api_key', 'The API key is not valid or was revoked.');
    request.program = program;
  });
}

/** A publishable key names the program; a customer token, when sent, names the shopper. */
async function storefront(request: FastifyRequest, found: Storefront | undefined, secrets: SecretBox, now: Date): Promise<void> {
  if (!found) throw new RegularsError('authentication', 'invalid_publishable_key', 'The publishable key is not valid.', 'Regulars-Publishable-Key');
  request.program = found.program;
  request.storefrontOrigins = found.origins;
  const authorization = request.headers.authorization;
  if (!authorization) return;
  const { current, previous, previousUntil } = found.widgetSecrets;
  const usable = [current, previous && previousUntil && new Date(previousUntil) > now ? previous : null].filter((s): s is string => s !== null).map((s) => secrets.open(s));
  request.shopper = await verifyCustomerToken(authorization, usable, now);
}

function keyCache<T>(load: (key: string) => Promise<T | undefined>) {
  const cache = new Map<string, { value: T; until: number }>();
  return {
    async get(key: string): Promise<T | undefined> {
      const hit = cache.get(key);
      if (hit && hit.until > Date.now()) return hit.value;
      const value = await load(key);
      if (value) cache.set(key, { value, until: Date.now() + CACHE_MS });
      else cache.delete(key);
      return value;
    },
    clear: () => cache.clear(),
  };
}

function publishableKey(request: FastifyRequest): string {
  const header = request.headers['regulars-publishable-key'];
  if (typeof header !== 'string' || !header.startsWith('pk_')) {
    throw new RegularsError('authentication', 'missing_publishable_key', 'Send the program’s publishable key as "Regulars-Publishable-Key: pk_…".', 'Regulars-Publishable-Key');
  }
  return header;
}

function bearerKey(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new RegularsError('authentication', 'missing_api_key', 'Send your secret key as "Authorization: Bearer sk_…".');
  }
  return match[1];
}
