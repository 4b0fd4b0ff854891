import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { assertInvariant, invalidRequest } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { Currency, errorResponses, Id, List, Timestamp } from './schemas/common.ts';
import { assertCurrency } from '../platform/money.ts';
import { getProgram, issueKey } from '../programs/program-store.ts';
import { settle } from '../stores/settlement.ts';
import { createStore, getStore, listStores, pointsIssued, redemptionFlows } from '../stores/store-store.ts';

const Store = Type.Object({ object: Type.Literal('store'), id: Type.String(), name: Type.String(), currency: Type.String(), is_default: Type.Boolean(), created_at: Timestamp });
const present = (s: { id: string; name: string; currency: string; is_default: boolean; created_at: Date | string }) => ({
  object: 'store' as const,
  id: s.id,
  name: s.name,
  currency: s.currency,
  is_default: s.is_default,
  created_at: new Date(s.created_at).toISOString(),
});

export const storeRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/stores',
      {
        schema: {
          operationId: 'createStore',
          tags: ['coalition'],
          summary: 'Add a store to the program (a partner of a coalition), with its own currency',
          description: 'Give it keys with POST /v1/stores/{id}/keys; its orders, codes and earn rules (earning rules with `store_id`) are its own, the points balance is shared.',
          body: Body({ name: Type.String({ minLength: 1, maxLength: 200 }), currency: Currency }),
          response: { 201: Store, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(present(await createStore(deps.db, request.program.id, { name: request.body.name, currency: assertCurrency(request.body.currency) }, deps.clock.now()))),
    );

    app.get('/v1/stores', { schema: { operationId: 'listStores', tags: ['coalition'], summary: "The program's stores", response: { 200: List(Store), ...errorResponses } } }, async (request) => ({
      object: 'list' as const,
      data: (await listStores(deps.db, request.program.id)).map(present),
      has_more: false,
    }));

    app.post(
      '/v1/stores/:id/keys',
      {
        schema: {
          operationId: 'createStoreKey',
          tags: ['coalition'],
          summary: "A secret key for a store: what it sends is that store's",
          params: Type.Object({ id: Id('sto') }),
          response: { 201: Type.Object({ object: Type.Literal('api_key'), store_id: Type.String(), api_key: Type.String({ description: 'Shown only here.' }) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const store = await getStore(deps.db, request.program.id, request.params.id);
        const { key } = await issueKey(deps.db, request.program.id, `store ${store.name}`, deps.clock.now(), store.id);
        return reply.status(201).send({ object: 'api_key' as const, store_id: store.id, api_key: key });
      },
    );

    app.get(
      '/v1/coalition/settlement',
      {
        schema: {
          operationId: 'getCoalitionSettlement',
          tags: ['coalition'],
          summary: 'Who owes whom for points issued at one store and redeemed at another',
          description: 'At the program\'s agreed `point_value_per_1000` (PATCH /v1/program). Per store: points issued and redeemed, and its net; debts between stores add up to zero.',
          querystring: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date', description: 'Exclusive.' }) }),
          response: {
            200: Type.Object({
              object: Type.Literal('coalition_settlement'),
              from: Type.String(),
              to: Type.String(),
              currency: Type.String(),
              point_value_per_1000: Type.Integer(),
              stores: Type.Array(Type.Object({ store_id: Type.String(), name: Type.String(), points_issued: Type.Integer(), points_redeemed: Type.Integer(), net_amount: Type.Integer({ description: 'Positive: the others owe this store; negative: it owes them.' }) })),
              debts: Type.Array(Type.Object({ from_store_id: Type.String(), to_store_id: Type.String(), points: Type.Integer(), amount: Type.Integer() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { from, to } = request.query;
        if (from >= to) throw invalidRequest('parameter_invalid', 'to must be after from.', 'to');
        const [start, end] = [new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)];
        const program = (await getProgram(deps.db, request.program.id))!;
        const stores = await listStores(deps.db, request.program.id);
        const defaultStore = stores.find((s) => s.is_default)!.id;
        const flows = await redemptionFlows(deps.db, program.id, defaultStore, start, end);
        const issued = await pointsIssued(deps.db, program.id, defaultStore, start, end);
        const { debts, net } = settle(flows, program.coalition_point_value_minor);
        assertInvariant([...net.values()].reduce((a, b) => a + b, 0) === 0, 'settlement does not balance');
        return {
          object: 'coalition_settlement' as const,
          from,
          to,
          currency: program.currency,
          point_value_per_1000: program.coalition_point_value_minor,
          stores: stores.map((s) => ({
            store_id: s.id,
            name: s.name,
            points_issued: issued.get(s.id) ?? 0,
            points_redeemed: flows.filter((f) => f.redeemer === s.id).reduce((sum, f) => sum + f.points, 0),
            net_amount: net.get(s.id) ?? 0,
          })),
          debts,
        };
      },
    );
  };
