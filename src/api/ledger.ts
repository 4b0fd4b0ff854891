import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getCustomer } from '../customers/customer-store.ts';
import type { Deps } from '../platform/deps.ts';
import { Body } from '../platform/http/body.ts';
import { RegularsError } from '../platform/errors.ts';
import { supportAdjustmentLimit } from '../programs/program-store.ts';
import { actingRole } from './access.ts';
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
        if (actingRole(request) === 'support') await checkSupportLimit(deps, request.program.id, points);
        const user = request.actor?.kind === 'user' ? request.actor.email : undefined;
        const idempotencyKey = request.headers['idempotency-key'];
        const id = await adjustPoints(deps, request.program, request.params.id, {
          points,
          reason,
          actor: user ?? (actor ? `${actor} (${request.program.apiKeyId})` : request.program.apiKeyId),
          idempotency_key: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
        });
        return reply.status(201).send(presentTransaction(await getTransaction(deps.db, request.program.id, request.params.id, id)));
      },
    );
  };

/** A support user adjusts at most the program's support_adjustment_limit points at a time. */
async function checkSupportLimit(deps: Deps, programId: string, points: number): Promise<void> {
  const limit = await supportAdjustmentLimit(deps.db, programId);
  if (Math.abs(points) > limit) throw new RegularsError('permission', 'adjustment_over_limit', `A support user may adjust at most ${limit} points at a time; ask an admin or an owner.`, 'points');
}
