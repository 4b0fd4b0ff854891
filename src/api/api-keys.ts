import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { getApiKey, issueKey, listApiKeys, revokeApiKey } from '../programs/program-store.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { ApiKey } from './schemas/users.ts';

type KeyRow = NonNullable<Awaited<ReturnType<typeof getApiKey>>>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const present = (k: KeyRow, secret?: string) => ({
  object: 'api_key' as const,
  id: k.id,
  label: k.label,
  hint: k.key_hint,
  store_id: k.store_id,
  created_at: k.created_at.toISOString(),
  revoked_at: iso(k.revoked_at),
  ...(secret ? { secret } : {}),
});
const tags = ['users'];
const KeyParams = Type.Object({ id: Id('key') });

/** The program's secret keys: made with a label, shown once, revoked for good. */
export const apiKeyRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/v1/api-keys', { schema: { operationId: 'listApiKeys', tags, summary: 'The program’s secret keys (never the keys themselves)', querystring: ListQuery, response: { 200: List(ApiKey), ...errorResponses } } }, async (request) =>
      toList(await listApiKeys(deps.db, request.program.id, request.query), request.query.limit, (k) => present(k)),
    );

    app.post(
      '/v1/api-keys',
      { schema: { operationId: 'createApiKey', tags, summary: 'Make a secret key; the answer is the only time it is shown', body: Body({ label: Type.String({ minLength: 1, maxLength: 100 }) }), response: { 201: ApiKey, ...errorResponses } } },
      async (request, reply) => {
        const { id, key } = await issueKey(deps.db, request.program.id, request.body.label, deps.clock.now());
        return reply.status(201).send(present((await getApiKey(deps.db, request.program.id, id))!, key));
      },
    );

    app.post(
      '/v1/api-keys/:id/revoke',
      { schema: { operationId: 'revokeApiKey', tags, summary: 'Revoke a key: requests with it fail within seconds, on every instance', params: KeyParams, response: { 200: ApiKey, ...errorResponses } } },
      async (request) => {
        const { id } = request.params;
        if (!(await getApiKey(deps.db, request.program.id, id))) throw notFound('api_key', id);
        await revokeApiKey(deps.db, request.program.id, id, deps.clock.now());
        app.forgetCachedKeys();
        return present((await getApiKey(deps.db, request.program.id, id))!);
      },
    );
  };
