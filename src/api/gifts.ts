import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { cancelGift, createGift, getGift, listGifts, type GiftRow } from '../gifts/gift-store.ts';
import type { Deps } from '../platform/deps.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery, Nullable, Timestamp } from './schemas/common.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const GiftStatus = Type.Union([Type.Literal('scheduled'), Type.Literal('running'), Type.Literal('done'), Type.Literal('cancelled')]);
const Gift = Type.Object({
  object: Type.Literal('gift'),
  id: Type.String({ description: '`gift_…`' }),
  segment_id: Nullable(Type.String()),
  customer_ids: Nullable(Type.Array(Type.String())),
  points: Nullable(Type.Integer()),
  reward_id: Nullable(Type.String()),
  reason: Type.String(),
  status: GiftStatus,
  scheduled_at: Timestamp,
  recipients: Nullable(Type.Integer({ description: 'Who receives it, fixed when it starts (the segment as it is then).' })),
  given: Type.Integer(),
  skipped: Type.Integer({ description: 'Recipients who got nothing: erased at their request, or the reward was archived meanwhile.' }),
  created_at: Timestamp,
  started_at: Nullable(Timestamp),
  finished_at: Nullable(Timestamp),
});

const present = (g: GiftRow) => ({
  object: 'gift' as const,
  id: g.id,
  segment_id: g.segment_id,
  customer_ids: g.customer_ids,
  points: g.points,
  reward_id: g.reward_id,
  reason: g.reason,
  status: g.status,
  scheduled_at: iso(g.scheduled_at)!,
  recipients: g.recipients,
  given: g.given,
  skipped: g.skipped,
  created_at: iso(g.created_at)!,
  started_at: iso(g.started_at),
  finished_at: iso(g.finished_at),
});

const GiftCreate = Body({
  segment_id: Type.Optional(Id('seg', 'Everyone in this segment when the gift runs.')),
  customer_ids: Type.Optional(Type.Array(Id('cus'), { minItems: 1, maxItems: 10_000, description: 'Or these customers.' })),
  points: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e9, description: 'Points to each.' })),
  reward_id: Type.Optional(Id('rwd', 'Or a reward to each, free (a code where the reward has one).')),
  reason: Type.String({ minLength: 1, maxLength: 500, description: 'What the customers’ history and the ledger say: "The store’s 10th birthday".' }),
  scheduled_at: Type.Optional(Type.String({ format: 'date-time', description: 'When to give it (default now); cancellable until then.' })),
});
const Params = Type.Object({ id: Id('gift') });

/** Group gifts (docs/segments.md#group-gifts): points or a reward to a segment, once per customer. */
export const giftRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post('/v1/gifts', { schema: { operationId: 'createGift', tags: ['segments'], summary: 'Give points or a reward to a segment or to customers, now or at a time', body: GiftCreate, response: { 201: Gift, ...errorResponses } } }, async (request, reply) => {
      const actor = request.actor?.kind === 'user' ? request.actor.email : request.program.apiKeyId;
      return reply.status(201).send(present(await createGift(deps.db, request.program.id, request.body, actor, deps.clock.now())));
    });

    app.get('/v1/gifts', { schema: { operationId: 'listGifts', tags: ['segments'], summary: 'Gifts, newest first, with their progress', querystring: ListQuery, response: { 200: List(Gift), ...errorResponses } } }, async (request) =>
      toList(await listGifts(deps.db, request.program.id, request.query), request.query.limit, present),
    );

    app.get('/v1/gifts/:id', { schema: { operationId: 'getGift', tags: ['segments'], summary: 'A gift: how many receive it, how many have it', params: Params, response: { 200: Gift, ...errorResponses } } }, async (request) => present(await getGift(deps.db, request.program.id, request.params.id)));

    app.post('/v1/gifts/:id/cancel', { schema: { operationId: 'cancelGift', tags: ['segments'], summary: 'Cancel a scheduled gift before it runs: it gives nothing', params: Params, response: { 200: Gift, ...errorResponses } } }, async (request) =>
      present(await cancelGift(deps.db, request.program.id, request.params.id, deps.clock.now())),
    );
  };
