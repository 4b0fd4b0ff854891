import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { Body } from '../platform/http/body.ts';
import { errorResponses, ExternalId, Id, MinorUnits } from './schemas/common.ts';
import { Transaction } from './schemas/ledger.ts';
import { getTransaction, presentTransaction } from '../ledger/transactions.ts';
import { moveStoreCredit } from '../store-credit/store-credit.ts';

const Movement = Body({
  amount: Type.Integer({ ...MinorUnits('Minor units of the program currency.'), minimum: 1 }),
  external_id: ExternalId,
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
});

export const storeCreditRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    for (const [direction, path, summary] of [
      ['debit', 'debits', 'Spend store credit (at checkout); never below zero (`insufficient_store_credit`, 422)'],
      ['credit', 'credits', 'Give store credit back (a refund of what was paid with it)'],
    ] as const) {
      app.post(
        `/v1/customers/:id/store-credit/${path}`,
        {
          schema: {
            operationId: `${direction}StoreCredit`,
            tags: ['store credit'],
            summary,
            description: 'Idempotent on `external_id`: a replay answers with the first transaction.',
            params: Type.Object({ id: Id('cus') }),
            body: Movement,
            response: { 201: Transaction, ...errorResponses },
          },
        },
        async (request, reply) => {
          const id = await moveStoreCredit(deps, request.program, request.params.id, { direction, ...request.body });
          return reply.status(201).send(presentTransaction(await getTransaction(deps.db, request.program.id, request.params.id, id)));
        },
      );
    }
  };
