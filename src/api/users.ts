import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { notFound, RegularsError } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { mayAssign, type Role } from '../users/roles.ts';
import { setupLinkPath } from '../users/setup-links.ts';
import { countOwners, programUser, programUsers, removeFromProgram, setRole, type ProgramUser } from '../users/user-store.ts';
import { inviteUser } from '../workflows/user-invited.ts';
import { actingRole } from './access.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { RoleName, User } from './schemas/users.ts';

const tags = ['users'];
const UserParams = Type.Object({ id: Id('usr') });
const present = (u: ProgramUser, inviteUrl?: string) => ({
  object: 'user' as const,
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  has_password: u.password_hash !== null,
  created_at: u.added_at.toISOString(),
  ...(inviteUrl ? { invite_url: inviteUrl } : {}),
});

/** The program's dashboard users and their roles. Only an owner gives, changes or takes away the owner role. */
export const userRoutes =
  (deps: Deps, publicUrl: string | undefined): FastifyPluginAsyncTypebox =>
  async (app) => {
    const checkAssign = (request: FastifyRequest, from: Role | null, to: Role | null) => {
      const actor = actingRole(request);
      if (actor && !mayAssign(actor, from, to)) throw new RegularsError('permission', 'owner_only', 'Only an owner may make, change or remove an owner.');
    };
    const existing = async (programId: string, id: string) => (await programUser(deps.db, programId, id)) ?? Promise.reject(notFound('user', id));
    const keepAnOwner = async (programId: string, user: ProgramUser, to: Role | null) => {
      if (user.role === 'owner' && to !== 'owner' && (await countOwners(deps.db, programId)) === 1) throw new RegularsError('conflict', 'last_owner', 'A program keeps at least one owner: make someone else owner first.');
    };

    app.get('/v1/users', { schema: { operationId: 'listUsers', tags, summary: 'The program’s dashboard users and their roles', querystring: ListQuery, response: { 200: List(User), ...errorResponses } } }, async (request) =>
      toList(await programUsers(deps.db, request.program.id, request.query), request.query.limit, (u) => present(u)),
    );

    app.post(
      '/v1/users',
      {
        schema: {
          operationId: 'inviteUser',
          tags,
          summary: 'Give someone a role in the program; someone new gets a link to set their password',
          body: Body({ email: Type.String({ format: 'email', maxLength: 254 }), role: RoleName, name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
          response: { 201: User, ...errorResponses },
        },
      },
      async (request, reply) => {
        checkAssign(request, null, request.body.role);
        const { user, setupToken } = await inviteUser(deps, request.program.id, request.body);
        const base = publicUrl ?? `${request.protocol}://${request.host}`;
        return reply.status(201).send(present(user, setupToken ? `${base}${setupLinkPath(setupToken)}` : undefined));
      },
    );

    app.patch(
      '/v1/users/:id',
      { schema: { operationId: 'updateUser', tags, summary: 'Change a user’s role in the program', params: UserParams, body: Body({ role: RoleName }), response: { 200: User, ...errorResponses } } },
      async (request) => {
        const user = await existing(request.program.id, request.params.id);
        checkAssign(request, user.role, request.body.role);
        await keepAnOwner(request.program.id, user, request.body.role);
        await setRole(deps.db, request.program.id, user.id, request.body.role, deps.clock.now());
        return present((await programUser(deps.db, request.program.id, user.id))!);
      },
    );

    app.delete(
      '/v1/users/:id',
      { schema: { operationId: 'removeUser', tags, summary: 'Take a user out of the program (their account stays for their other programs)', params: UserParams, response: { 200: User, ...errorResponses } } },
      async (request) => {
        const user = await existing(request.program.id, request.params.id);
        checkAssign(request, user.role, null);
        await keepAnOwner(request.program.id, user, null);
        await removeFromProgram(deps.db, request.program.id, user.id);
        return present(user);
      },
    );
  };
