import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getCustomer } from '../customers/customer-store.ts';
import type { Deps } from '../platform/deps.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { adjustPoints } from '../ledger/adjustment.ts';
import { Transaction } from './schemas/ledger.ts';
import { getTransaction, listTransactions, presentTransaction } from '../ledger/transactions.ts';

const CustomerParams = Type.Object({ id: Id('cus') });

export const ledgerRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/customers/:id/transactions',
      {
        schema: {
          operationId: 'listTransactions',
          tags: ['ledger'],
          summary: "A customer's points history, newest first, with explanations",
          params: CustomerParams,
          querystring: ListQuery,
          response: { 200: List(Transaction), ...errorResponses },
        },
      },
      async (request) => {
        await getCustomer(deps.db, request.program.id, request.params.id);
        const rows = await listTransactions(deps.db, request.program.id, request.params.id, request.query);
        return toList(rows, request.query.limit, presentTransaction);
      },
    );

    app.post(
      '/v1/customers/:id/adjustments',
      {
        schema: {
          operationId: 'adjustPoints',
          tags: ['ledger'],
          summary: 'Add or remove points by hand, with a reason',
          description: 'Negative `points` remove points; never below zero unless the program allows negative balances (`insufficient_points`, 422).',
          params: CustomerParams,
          body: Body({
            points: Type.Integer({ minimum: -1e9, maximum: 1e9, not: { const: 0 } }),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
            actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Who did it (a staff email or name); recorded with the API key.' })),
          }),
          response: { 201: Transaction, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { points, reason, actor } = request.body;
        const idempotencyKey = request.headers['idempotency-key'];
        const id = await adjustPoints(deps, request.program, request.params.id, {
          points,
          reason,
          actor: actor ? `${actor} (${request.program.apiKeyId})` : request.program.apiKeyId,
          idempotency_key: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
        });
        return reply.status(201).send(presentTransaction(await getTransaction(deps.db, request.program.id, request.params.id, id)));
      },
    );
  };
