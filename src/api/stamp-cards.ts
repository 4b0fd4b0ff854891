import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { Body, optional } from '../platform/http/body.ts';
import { errorResponses, Id, List, MinorUnits, Timestamp } from './schemas/common.ts';
import { getReward } from '../rewards/reward-store.ts';
import { createStampCard, getStampCard, listStampCards, updateStampCard, type StoredStampCard } from '../stamp-cards/stamp-card-store.ts';

const Ids = Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { maxItems: 500 });
const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  stamps_required: Type.Integer({ minimum: 1, maximum: 1000 }),
  per: Type.Union([Type.Literal('order'), Type.Literal('item')], { description: 'A stamp per qualifying order, or per qualifying item (unit).' }),
  reward_id: Type.String({ minLength: 1, maxLength: 64, description: 'A fixed-cost reward issued free for each full card.' }),
  min_subtotal: MinorUnits('What an order must pay for merchandise to earn stamps.'),
  include_products: Ids,
  include_collections: Ids,
  active: Type.Boolean(),
};
const { name, stamps_required, per, reward_id, ...rest } = fields;

const StampCardObject = Type.Object({ object: Type.Literal('stamp_card'), id: Type.String(), ...fields, created_at: Timestamp, updated_at: Timestamp });

const present = (c: StoredStampCard) => ({ object: 'stamp_card' as const, ...c, created_at: c.created_at.toISOString(), updated_at: c.updated_at.toISOString() });

export const stampCardRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const checkReward = async (programId: string, rewardId: string | undefined) => {
      if (!rewardId) return;
      const reward = await getReward(deps.db, programId, rewardId).catch(() => undefined);
      if (!reward) throw invalidRequest('reward_unknown', `No reward with id "${rewardId}".`, 'reward_id');
      if (reward.points_cost === undefined) throw invalidRequest('parameter_invalid', 'A stamp card reward must have a fixed points_cost.', 'reward_id');
    };

    app.post(
      '/v1/stamp-cards',
      { schema: { operationId: 'createStampCard', tags: ['stamp cards'], summary: 'Add a stamp card (punch card)', body: Body({ name, stamps_required, per, reward_id, ...optional(rest) }), response: { 201: StampCardObject, ...errorResponses } } },
      async (request, reply) => {
        await checkReward(request.program.id, request.body.reward_id);
        const input = { min_subtotal: 0, include_products: [], include_collections: [], ...request.body };
        return reply.status(201).send(present(await createStampCard(deps.db, request.program.id, input, deps.clock.now())));
      },
    );

    app.get('/v1/stamp-cards', { schema: { operationId: 'listStampCards', tags: ['stamp cards'], summary: 'List stamp cards', response: { 200: List(StampCardObject), ...errorResponses } } }, async (request) => ({
      object: 'list' as const,
      data: (await listStampCards(deps.db, request.program.id)).map(present),
      has_more: false,
    }));

    app.get(
      '/v1/stamp-cards/:id',
      { schema: { operationId: 'getStampCard', tags: ['stamp cards'], summary: 'Get a stamp card', params: Type.Object({ id: Id('stc') }), response: { 200: StampCardObject, ...errorResponses } } },
      async (request) => present(await getStampCard(deps.db, request.program.id, request.params.id)),
    );

    app.patch(
      '/v1/stamp-cards/:id',
      {
        schema: {
          operationId: 'updateStampCard',
          tags: ['stamp cards'],
          summary: 'Change a stamp card, or retire it (`active: false`)',
          params: Type.Object({ id: Id('stc') }),
          body: Body(optional(fields)),
          response: { 200: StampCardObject, ...errorResponses },
        },
      },
      async (request) => {
        await checkReward(request.program.id, request.body.reward_id);
        return present(await updateStampCard(deps.db, request.program.id, request.params.id, request.body, deps.clock.now()));
      },
    );
  };
