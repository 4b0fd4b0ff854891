import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { Body, optional } from '../platform/http/body.ts';
import { errorResponses, Id, List, Nullable, Timestamp } from './schemas/common.ts';
import { getReward } from '../rewards/reward-store.ts';
import { createChallenge, getChallenge, listChallenges, updateChallenge, type ChallengeInput, type StoredChallenge } from '../challenges/challenge-store.ts';

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  goal: Type.Union([Type.Literal('orders'), Type.Literal('event'), Type.Literal('collections')], {
    description: '`orders`: place `target` orders; `event`: `target` events of `event_type` (e.g. review); `collections`: buy from `target` distinct collections.',
  }),
  target: Type.Integer({ minimum: 1, maximum: 1000 }),
  event_type: Nullable(Type.String({ pattern: '^[a-z0-9][a-z0-9_.:-]{0,63}$' })),
  window_days: Nullable(Type.Integer({ minimum: 1, maximum: 3650, description: 'The goal must be reached within this many days of the first step, else it starts over.' })),
  reward_id: Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'A fixed-cost reward issued free on completion.' })),
  points: Type.Integer({ minimum: 0, maximum: 1e9, description: 'Points on completion.' }),
  repeatable: Type.Boolean(),
  starts_at: Nullable(Timestamp),
  ends_at: Nullable(Timestamp),
  active: Type.Boolean(),
};
const { name, goal, target, ...rest } = fields;

const ChallengeObject = Type.Object({ object: Type.Literal('challenge'), id: Type.String(), ...fields, created_at: Timestamp, updated_at: Timestamp });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const present = (c: StoredChallenge) => ({ object: 'challenge' as const, ...c, starts_at: iso(c.starts_at), ends_at: iso(c.ends_at), created_at: c.created_at.toISOString(), updated_at: c.updated_at.toISOString() });

type ChallengeBody = { goal?: string; event_type?: string | null; reward_id?: string | null; points?: number; starts_at?: string | null; ends_at?: string | null };

export const challengeRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const check = async (programId: string, c: ChallengeBody) => {
      if (c.goal === 'event' && !c.event_type) throw invalidRequest('parameter_missing', 'event_type is required for event challenges.', 'event_type');
      if (c.goal !== 'event' && c.event_type) throw invalidRequest('parameter_unknown', 'event_type applies to event challenges.', 'event_type');
      if (!c.reward_id && !c.points) throw invalidRequest('parameter_missing', 'A challenge needs a reward_id or points.', 'reward_id');
      if (c.starts_at && c.ends_at && c.starts_at >= c.ends_at) throw invalidRequest('parameter_invalid', 'ends_at must be after starts_at.', 'ends_at');
      if (c.reward_id) {
        const reward = await getReward(deps.db, programId, c.reward_id).catch(() => undefined);
        if (!reward) throw invalidRequest('reward_unknown', `No reward with id "${c.reward_id}".`, 'reward_id');
        if (reward.points_cost === undefined) throw invalidRequest('parameter_invalid', 'A challenge reward must have a fixed points_cost.', 'reward_id');
      }
    };
    const toInput = (b: Record<string, unknown>) => ({
      ...b,
      ...(b.starts_at !== undefined ? { starts_at: b.starts_at ? new Date(b.starts_at as string) : null } : {}),
      ...(b.ends_at !== undefined ? { ends_at: b.ends_at ? new Date(b.ends_at as string) : null } : {}),
    });

    app.post(
      '/v1/challenges',
      { schema: { operationId: 'createChallenge', tags: ['challenges'], summary: 'Add a challenge', body: Body({ name, goal, target, ...optional(rest) }), response: { 201: ChallengeObject, ...errorResponses } } },
      async (request, reply) => {
        await check(request.program.id, request.body);
        const input = { event_type: null, window_days: null, reward_id: null, points: 0, repeatable: false, starts_at: null, ends_at: null, ...toInput(request.body) } as ChallengeInput;
        return reply.status(201).send(present(await createChallenge(deps.db, request.program.id, input, deps.clock.now())));
      },
    );

    app.get('/v1/challenges', { schema: { operationId: 'listChallenges', tags: ['challenges'], summary: 'List challenges', response: { 200: List(ChallengeObject), ...errorResponses } } }, async (request) => ({
      object: 'list' as const,
      data: (await listChallenges(deps.db, request.program.id)).map(present),
      has_more: false,
    }));

    app.get(
      '/v1/challenges/:id',
      { schema: { operationId: 'getChallenge', tags: ['challenges'], summary: 'Get a challenge', params: Type.Object({ id: Id('chl') }), response: { 200: ChallengeObject, ...errorResponses } } },
      async (request) => present(await getChallenge(deps.db, request.program.id, request.params.id)),
    );

    app.patch(
      '/v1/challenges/:id',
      {
        schema: { operationId: 'updateChallenge', tags: ['challenges'], summary: 'Change a challenge, or retire it (`active: false`)', params: Type.Object({ id: Id('chl') }), body: Body(optional(fields)), response: { 200: ChallengeObject, ...errorResponses } },
      },
      async (request) => {
        const current = await getChallenge(deps.db, request.program.id, request.params.id);
        await check(request.program.id, { ...present(current), ...request.body });
        return present(await updateChallenge(deps.db, request.program.id, current.id, toInput(request.body) as Partial<ChallengeInput>, deps.clock.now()));
      },
    );
  };
