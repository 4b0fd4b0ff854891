import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import type { SecretBox } from '../platform/secrets.ts';
import { keysEqual } from '../programs/api-keys.ts';
import { findProgramByKey, findProgramByPublishableKey, loadProgramContext, type ProgramContext, type WidgetSecrets } from '../programs/program-store.ts';
import type { Role } from '../users/roles.ts';
import { findSession, type Session, type SessionLimits } from '../users/sessions.ts';
import { userPrograms } from '../users/user-store.ts';
import { checkRole } from './access.ts';
import { verifyCustomerToken, type Shopper } from '../storefront/customer-token.ts';

declare module 'fastify' {
  interface FastifyRequest {
    program: ProgramContext;
    /** Storefront requests: the shopper the customer token names; undefined for a guest. */
    shopper: Shopper | undefined;
    /** Storefront requests: the origins the program lets its widget run on. */
    storefrontOrigins: string[];
    /** /v1 requests: who acts, a secret key or a signed-in dashboard user with their role in the program. */
    actor: Actor | undefined;
    /** The dashboard session the request came with (routes with auth 'session', and /v1 with a session). */
    session: Session | undefined;
  }
  interface FastifyInstance {
    /** Drops cached key lookups after a program's settings change on this instance. */
    forgetCachedKeys(): void;
  }
  interface FastifyContextConfig {
    /**
     * Who may call the route: a program's secret key (default under /v1), a publishable key with
     * an optional customer token (default under /storefront/v1), the instance admin key, a dashboard
     * session without a program, or anyone. Under /v1 a signed-in dashboard user may act instead of a
     * secret key, as far as their role in the program allows.
     */
    auth?: 'program' | 'storefront' | 'admin' | 'session' | 'public';
    /** A POST that only computes an answer (a preview, a backtest): nothing to audit. */
    changesNothing?: boolean;
  }
}

export type Actor = { kind: 'key'; id: string } | { kind: 'user'; id: string; email: string; role: Role };

/** The dashboard's session cookie (HttpOnly; only its hash is stored). */
export const SESSION_COOKIE = 'regulars_session';

/** Keys are looked up at most every few seconds per instance: a revoked key stops within that. */
const CACHE_MS = 5_000;

interface Storefront {
  program: ProgramContext;
  widgetSecrets: WidgetSecrets;
  origins: string[];
}

export async function registerAuthentication(app: FastifyInstance, deps: Deps, adminKey: string | undefined, sessionLimits: SessionLimits): Promise<void> {
  const { db, secrets, clock } = deps;
  await app.register(cookie);
  // The CSRF secret lives in its own cookie; each token is bound to the session it was made for.
  await app.register(csrf, { cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true }, getUserInfo: (request) => request.session?.tokenHash ?? '', csrfOpts: { hmacKey: secrets.digest('csrf tokens') } });
  const programs = keyCache((key) => findProgramByKey(db, key));
  const storefronts = keyCache((key) => findProgramByPublishableKey(db, key));

  app.decorate('forgetCachedKeys', () => {
    programs.clear();
    storefronts.clear();
  });
  app.decorateRequest('program', null as unknown as ProgramContext);
  app.decorateRequest('shopper', undefined);
  app.decorateRequest('storefrontOrigins', null as unknown as string[]);
  app.decorateRequest('actor', undefined);
  app.decorateRequest('session', undefined);
  const signedIn = async (request: FastifyRequest): Promise<Session> => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(db, token, clock.now(), sessionLimits) : undefined;
    if (!session) throw new RegularsError('authentication', 'not_signed_in', 'Sign in again: there is no session, or it has ended.');
    request.session = session;
    return session;
  };
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    const auth = request.routeOptions.config?.auth ?? (route?.startsWith('/v1/') ? 'program' : route?.startsWith('/storefront/v1/') ? 'storefront' : 'public');
    if (auth === 'public' || !route) return;
    if (auth === 'storefront') return storefront(request, await storefronts.get(publishableKey(request)), secrets, clock.now());
    if (auth === 'session') return void (await signedIn(request));
    if (auth === 'program' && !request.headers.authorization && request.cookies[SESSION_COOKIE]) return userActs(request, await signedIn(request), db);
    const key = bearerKey(request);
    if (auth === 'admin') {
      if (!adminKey) throw new RegularsError('permission', 'admin_disabled', 'Set REGULARS_ADMIN_KEY to use admin endpoints.');
      if (!keysEqual(key, adminKey)) throw new RegularsError('authentication', 'invalid_api_key', 'The admin key is not valid.');
      return;
    }
    const program = await programs.get(key);
    if (!program) throw new RegularsError('authentication', 'invalid_api_key', 'The API key is not valid or was revoked.');
    request.program = program;
    request.actor = { kind: 'key', id: program.apiKeyId };
  });
  // Writes with a session need its CSRF token (X-CSRF-Token); keys are not sent by browsers on their own.
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (request.session && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return app.csrfProtection(request, reply, done);
    done();
  });
}

/**
 * A signed-in user acts in the program the Regulars-Program header names (or their first), with
 * their role there; rate limits count per user.
 */
async function userActs(request: FastifyRequest, session: Session, db: Deps['db']): Promise<void> {
  const programs = await userPrograms(db, session.user.id);
  const wanted = request.headers['regulars-program'];
  const membership = typeof wanted === 'string' ? programs.find((p) => p.id === wanted) : programs[0];
  if (!membership) throw new RegularsError('permission', 'program_not_allowed', typeof wanted === 'string' ? 'You are not a user of this program.' : 'You are not a user of any program yet.', 'Regulars-Program');
  request.program = { ...(await loadProgramContext(db, membership.id)), apiKeyId: session.user.id };
  request.actor = { kind: 'user', id: session.user.id, email: session.user.email, role: membership.role };
  checkRole(request, membership.role);
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
