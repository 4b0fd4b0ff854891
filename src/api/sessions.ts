import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { hashKey } from '../programs/api-keys.ts';
import { endSession, type SessionLimits } from '../users/sessions.ts';
import { findSetupLink } from '../users/setup-links.ts';
import { getUser, userPrograms, type AdminUser } from '../users/user-store.ts';
import { signIn } from '../workflows/admin-signed-in.ts';
import { setPasswordByLink } from '../workflows/setup-link-used.ts';
import { SESSION_COOKIE } from './authentication.ts';
import { errorResponses } from './schemas/common.ts';
import { Session, SetupLink } from './schemas/users.ts';

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 100 }) });
const tags = ['users'];

/** Signing in and out of the dashboard, and the one-time links that set a password. */
export const sessionRoutes =
  (deps: Deps, limits: SessionLimits): FastifyPluginAsyncTypebox =>
  async (app) => {
    const signedInAs = async (request: FastifyRequest, reply: FastifyReply, user: AdminUser, token: string | null) => {
      if (token) {
        void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: limits.maxHours * 3600 });
      }
      const programs = await userPrograms(deps.db, user.id);
      const wanted = request.headers['regulars-program'];
      const program = programs.find((p) => p.id === wanted) ?? programs[0] ?? null;
      const tokenHash = token ? hashKey(token) : request.session!.tokenHash;
      return { object: 'session' as const, user: { id: user.id, email: user.email, name: user.name }, programs, program, csrf_token: reply.generateCsrf({ userInfo: tokenHash }) };
    };

    app.get(
      '/v1/session',
      { config: { auth: 'session' }, schema: { operationId: 'getSession', tags, summary: 'Who is signed in, their programs and roles, and the CSRF token for writes', response: { 200: Session, ...errorResponses } } },
      async (request, reply) => signedInAs(request, reply, request.session!.user, null),
    );

    app.post(
      '/v1/session',
      {
        config: { auth: 'public', rateLimit: { max: 10, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `sign-in:${request.ip}` } },
        schema: {
          operationId: 'signIn',
          tags,
          summary: 'Sign in to the dashboard with email and password (sets an HttpOnly session cookie)',
          description: 'At most 10 attempts a minute from one address (`rate_limit_exceeded`, 429). A wrong email and a wrong password both get `invalid_credentials` (401).',
          body: Body({ email: Email, password: Password }),
          response: { 200: Session, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { token, user } = await signIn(deps, request.body.email, request.body.password);
        return signedInAs(request, reply, user, token);
      },
    );

    app.delete(
      '/v1/session',
      { config: { auth: 'session' }, schema: { operationId: 'signOut', tags, summary: 'Sign out: the session ends on the server', response: { 204: Type.Null(), ...errorResponses } } },
      async (request, reply) => {
        await endSession(deps.db, request.session!.tokenHash, deps.clock.now());
        return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send(null);
      },
    );

    app.get(
      '/v1/setup-links/:token',
      { config: { auth: 'public' }, schema: { operationId: 'getSetupLink', tags, summary: 'What a one-time link is for: the first owner, an invitation, or a password reset', params: TokenParams, response: { 200: SetupLink, ...errorResponses } } },
      async (request) => {
        const link = await findSetupLink(deps.db, request.params.token, deps.clock.now());
        if (!link) throw linkNotFound();
        return { object: 'setup_link' as const, purpose: link.purpose, email: link.user_id ? ((await getUser(deps.db, link.user_id))?.email ?? null) : null };
      },
    );

    app.post(
      '/v1/setup-links/:token',
      {
        config: { auth: 'public', rateLimit: { max: 30, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `setup-link:${request.ip}` } },
        schema: {
          operationId: 'useSetupLink',
          tags,
          summary: 'Set a password with a one-time link, and sign in',
          description: 'A `setup` link (printed on the first start) makes the first owner: send `email`. An `invite` or `reset` link sets the password of the user it names. A link works once, for 24 hours.',
          params: TokenParams,
          body: Body({ email: Type.Optional(Email), name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), password: Password }),
          response: { 201: Session, ...errorResponses },
        },
      },
      async (request, reply) => {
        const link = await findSetupLink(deps.db, request.params.token, deps.clock.now());
        if (!link) throw linkNotFound();
        const { token, userId } = await setPasswordByLink(deps, request.params.token, link, request.body);
        return reply.status(201).send(await signedInAs(request, reply, (await getUser(deps.db, userId))!, token));
      },
    );
  };

const linkNotFound = () => new RegularsError('not_found', 'setup_link_not_found', 'This link was used already or has expired; ask for a new one.');
