import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Selectable } from 'kysely';
import { Type } from 'typebox';
import { getCustomer } from '../customers/customer-store.ts';
import type { Deps } from '../platform/deps.ts';
import type { TierRecalculationsTable } from '../platform/db/schema.ts';
import { invalidRequest } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { getReward } from '../rewards/reward-store.ts';
import { getRecalculation, previewRecalculation, queueRecalculation, runRecalculations } from '../workflows/tier-review.ts';
import { validateTier } from '../tiers/tier.ts';
import { createTier, getTier, listTiers, tierChanges, updateTier, type StoredTier, type TierInput } from '../tiers/tier-store.ts';
import { Recalculation, TierChange, TierCreate, TierObject, TierUpdate } from './schemas/tiers.ts';

const present = (t: StoredTier) => ({
  object: 'tier' as const,
  id: t.id,
  name: t.name,
  threshold: t.threshold,
  retain_threshold: t.retain_threshold,
  earn_multiplier: t.multiplier_hundredths / 100,
  entry_reward_id: t.entry_reward_id,
  birthday_points: t.birthday_points,
  perks: t.perks,
  cashback_percent: t.cashback_bps === null ? null : t.cashback_bps / 100,
  status: t.status,
  created_at: t.created_at.toISOString(),
  updated_at: t.updated_at.toISOString(),
});

const presentRecalculation = (r: Selectable<TierRecalculationsTable>) => ({
  object: 'tier_recalculation' as const,
  id: r.id,
  dry_run: false,
  status: r.status,
  customers: r.customers,
  processed: r.processed,
  moved_up: r.moved_up,
  moved_down: r.moved_down,
  summary: `${r.moved_up} customers moved up, ${r.moved_down} down (${r.processed} of ${r.customers} done)`,
});

type TierBody = {
  name?: string;
  threshold?: number;
  retain_threshold?: number | null;
  earn_multiplier?: number;
  entry_reward_id?: string | null;
  birthday_points?: number;
  perks?: string[];
  cashback_percent?: number | null;
};

export const tierRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    /** From the API's shape to the store's, checking what the schema cannot. */
    const toInput = async (programId: string, body: TierBody): Promise<Partial<TierInput>> => {
      if (body.entry_reward_id) {
        const reward = await getReward(deps.db, programId, body.entry_reward_id).catch(() => undefined);
        if (!reward) throw invalidRequest('reward_unknown', `No reward with id "${body.entry_reward_id}".`, 'entry_reward_id');
        if (reward.points_cost === undefined) throw invalidRequest('parameter_invalid', 'An entry reward must have a fixed points_cost.', 'entry_reward_id');
      }
      const { earn_multiplier, cashback_percent, ...fields } = body;
      return {
        ...fields,
        ...(earn_multiplier !== undefined ? { multiplier_hundredths: Math.round(earn_multiplier * 100) } : {}),
        ...(cashback_percent !== undefined ? { cashback_bps: cashback_percent === null ? null : Math.round(cashback_percent * 100) } : {}),
      };
    };

    app.post(
      '/v1/tiers',
      {
        schema: {
          operationId: 'createTier',
          tags: ['tiers'],
          summary: 'Add a VIP tier',
          description: 'Customers placed before this change keep their tier until their next activity or the daily review; recalculate to move everyone at once.',
          body: TierCreate,
          response: { 201: TierObject, ...errorResponses },
        },
      },
      async (request, reply) => {
        validateTier(request.body);
        const input = { retain_threshold: null, multiplier_hundredths: 100, entry_reward_id: null, birthday_points: 0, perks: [], cashback_bps: null, ...(await toInput(request.program.id, request.body)) } as TierInput;
        return reply.status(201).send(present(await createTier(deps.db, request.program.id, input, deps.clock.now())));
      },
    );

    app.get(
      '/v1/tiers',
      { schema: { operationId: 'listTiers', tags: ['tiers'], summary: 'The tiers, lowest threshold first', response: { 200: List(TierObject), ...errorResponses } } },
      async (request) => ({ object: 'list' as const, data: (await listTiers(deps.db, request.program.id)).map(present), has_more: false }),
    );

    app.get(
      '/v1/tiers/:id',
      { schema: { operationId: 'getTier', tags: ['tiers'], summary: 'Get a tier', params: Type.Object({ id: Id('tier') }), response: { 200: TierObject, ...errorResponses } } },
      async (request) => present(await getTier(deps.db, request.program.id, request.params.id)),
    );

    app.patch(
      '/v1/tiers/:id',
      {
        schema: {
          operationId: 'updateTier',
          tags: ['tiers'],
          summary: 'Change a tier, or archive it (`status: "archived"`)',
          params: Type.Object({ id: Id('tier') }),
          body: Body({ ...TierUpdate.properties, status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])) }),
          response: { 200: TierObject, ...errorResponses },
        },
      },
      async (request) => {
        const current = await getTier(deps.db, request.program.id, request.params.id);
        const { status, ...body } = request.body;
        validateTier({ threshold: body.threshold ?? current.threshold, retain_threshold: body.retain_threshold === undefined ? current.retain_threshold : body.retain_threshold, earn_multiplier: body.earn_multiplier });
        return present(await updateTier(deps.db, request.program.id, current.id, { ...(await toInput(request.program.id, body)), ...(status ? { status } : {}) }, deps.clock.now()));
      },
    );

    app.post(
      '/v1/tiers/recalculations',
      {
        schema: {
          operationId: 'recalculateTiers',
          tags: ['tiers'],
          summary: 'Recalculate every placement after the tier structure changed; dry_run first previews it',
          description:
            'A dry run answers at once ("412 customers move up, 37 down"); otherwise a job moves everyone (no grace) and this answers 202 with its id. ' +
            'A dry run with `thresholds` previews a change before it is saved: the tiers named, with those thresholds.',
          body: Body({
            dry_run: Type.Optional(Type.Boolean({ default: false })),
            thresholds: Type.Optional(
              Type.Array(Body({ tier_id: Type.String({ minLength: 1, maxLength: 64 }), threshold: TierCreate.properties.threshold, retain_threshold: Type.Optional(TierCreate.properties.retain_threshold) }), {
                maxItems: 50,
                description: 'Dry run only: thresholds to try in place of the saved ones.',
              }),
            ),
          }),
          response: { 200: Recalculation, 202: Recalculation, ...errorResponses },
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const thresholds = request.body.thresholds ?? [];
        if (thresholds.length > 0 && !request.body.dry_run) throw invalidRequest('parameter_invalid', 'thresholds only previews a change (dry_run: true); save it with PATCH /v1/tiers/{id}, then recalculate.', 'thresholds');
        for (const change of thresholds) {
          await getTier(deps.db, request.program.id, change.tier_id);
          validateTier(change);
        }
        if (request.body.dry_run) {
          const p = await previewRecalculation(deps.db, request.program.id, now, thresholds);
          return reply.status(200).send({ object: 'tier_recalculation' as const, id: null, dry_run: true, status: 'preview' as const, ...p, processed: 0, summary: `${p.moved_up} customers move up, ${p.moved_down} down` });
        }
        const job = await queueRecalculation(deps.db, request.program.id, now);
        // The minute job would pick it up; start it now on this instance.
        setImmediate(() => void runRecalculations(deps.db, deps.clock.now()).catch((error) => app.log.error({ err: error }, 'tier recalculation failed')));
        return reply.status(202).send(presentRecalculation(job));
      },
    );

    app.get(
      '/v1/tiers/recalculations/:id',
      { schema: { operationId: 'getTierRecalculation', tags: ['tiers'], summary: 'Progress of a recalculation', params: Type.Object({ id: Id('trc') }), response: { 200: Recalculation, ...errorResponses } } },
      async (request) => {
        return presentRecalculation(await getRecalculation(deps.db, request.program.id, request.params.id));
      },
    );

    app.get(
      '/v1/customers/:id/tier-history',
      {
        schema: { operationId: 'listTierHistory', tags: ['tiers'], summary: "A customer's tier changes, newest first", params: Type.Object({ id: Id('cus') }), querystring: ListQuery, response: { 200: List(TierChange), ...errorResponses } },
      },
      async (request) => {
        await getCustomer(deps.db, request.program.id, request.params.id);
        const rows = await tierChanges(deps.db, request.program.id, request.params.id, request.query);
        return toList(rows, request.query.limit, (r) => ({
          object: 'tier_change' as const,
          id: r.id,
          from_tier_id: r.from_tier_id,
          to_tier_id: r.to_tier_id,
          reason: r.reason,
          cause: r.cause_type && r.cause_id ? { type: r.cause_type, id: r.cause_id } : null,
          metric_value: r.metric_value,
          created_at: new Date(r.created_at).toISOString(),
        }));
      },
    );
  };
