import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { assertCauseExists } from '../charity/charity-store.ts';
import { assertTierExists } from '../tiers/tier-store.ts';
import { assertSegmentExists } from '../segments/segment-store.ts';
import { validateReward, type RewardDefinition } from '../rewards/reward.ts';
import { createReward, getReward, listRewards, saveReward, type StoredReward } from '../rewards/reward-store.ts';
import { Reward, RewardCreate, RewardUpdate } from './schemas/rewards.ts';
import { isEmptyChange } from '../platform/changes.ts';

const present = (reward: StoredReward) => ({
  ...reward,
  object: 'reward' as const,
  created_at: reward.created_at.toISOString(),
  updated_at: reward.updated_at.toISOString(),
});

const RewardParams = Type.Object({ id: Id('rwd') });

export const rewardRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/rewards',
      { schema: { operationId: 'createReward', tags: ['rewards'], summary: 'Add a reward to the catalog', body: RewardCreate, response: { 201: Reward, ...errorResponses } } },
      async (request, reply) => {
        const { name, type, ...definition } = request.body;
        validateReward(type, definition as RewardDefinition);
        if (definition.cause_id) await assertCauseExists(deps.db, request.program.id, definition.cause_id);
        if (definition.min_tier_id) await assertTierExists(deps.db, request.program.id, definition.min_tier_id);
        if (definition.segment_id) await assertSegmentExists(deps.db, request.program.id, definition.segment_id);
        return reply.status(201).send(present(await createReward(deps.db, request.program.id, { name, type, definition: definition as RewardDefinition }, deps.clock.now())));
      },
    );

    app.get(
      '/v1/rewards',
      {
        schema: {
          operationId: 'listRewards',
          tags: ['rewards'],
          summary: 'List the catalog',
          querystring: Type.Object({ ...ListQuery.properties, status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])) }),
          response: { 200: List(Reward), ...errorResponses },
        },
      },
      async (request) => toList(await listRewards(deps.db, request.program.id, request.query), request.query.limit, present),
    );

    app.get(
      '/v1/rewards/:id',
      { schema: { operationId: 'getReward', tags: ['rewards'], summary: 'Get a reward', params: RewardParams, response: { 200: Reward, ...errorResponses } } },
      async (request) => present(await getReward(deps.db, request.program.id, request.params.id)),
    );

    app.patch(
      '/v1/rewards/:id',
      {
        schema: {
          operationId: 'updateReward',
          tags: ['rewards'],
          summary: 'Change a reward',
          description: 'Send only what changes. Codes already issued keep the value they were issued with.',
          params: RewardParams,
          body: RewardUpdate,
          response: { 200: Reward, ...errorResponses },
        },
      },
      async (request) => {
        const current = await getReward(deps.db, request.program.id, request.params.id);
        if (isEmptyChange(request.body)) return present(current);
        const next = { ...current, ...request.body } as StoredReward;
        const { id: _id, name: _n, type, status: _s, issued_count: _i, created_at: _c, updated_at: _u, ...definition } = next;
        validateReward(type, definition);
        if (definition.cause_id) await assertCauseExists(deps.db, request.program.id, definition.cause_id);
        if (definition.min_tier_id) await assertTierExists(deps.db, request.program.id, definition.min_tier_id);
        if (definition.segment_id) await assertSegmentExists(deps.db, request.program.id, definition.segment_id);
        return present(await saveReward(deps.db, request.program.id, next, deps.clock.now()));
      },
    );

    app.post(
      '/v1/rewards/:id/archive',
      {
        schema: { operationId: 'archiveReward', tags: ['rewards'], summary: 'Archive a reward: no new redemptions; past ones are kept', params: RewardParams, response: { 200: Reward, ...errorResponses } },
      },
      async (request) => {
        const current = await getReward(deps.db, request.program.id, request.params.id);
        return present(await saveReward(deps.db, request.program.id, { ...current, status: 'archived' }, deps.clock.now()));
      },
    );
  };
