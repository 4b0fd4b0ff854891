import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getCustomer } from '../customers/customer-store.ts';
import { CustomerKeysInput } from './schemas/customers.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery, Nullable, Timestamp } from './schemas/common.ts';
import { getReward } from '../rewards/reward-store.ts';
import { referFriend, referralSettings } from '../workflows/friend-referred.ts';
import { decideReferral } from '../workflows/referral-completed.ts';
import { getReferral, listReferrals, referralCodeOf, referralStats, updateReferralSettings, type ReferralRow } from '../referrals/referral-store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const Status = Type.Union([Type.Literal('pending'), Type.Literal('flagged'), Type.Literal('completed'), Type.Literal('rejected')]);

const Referral = Type.Object({
  object: Type.Literal('referral'),
  id: Type.String(),
  advocate_id: Type.String(),
  friend_id: Type.String(),
  code: Type.String(),
  status: Status,
  flags: Type.Array(Type.String(), { description: 'Why it was flagged: same_customer, same_email, not_new_customer, same_ip, same_device, ip_velocity, same_shipping_address, advocate_placed_order.' }),
  order_id: Nullable(Type.String({ description: "The friend's first order." })),
  completes_at: Nullable(Timestamp),
  friend_redemption_id: Nullable(Type.String()),
  advocate_redemption_id: Nullable(Type.String()),
  advocate_points: Type.Integer(),
  rejected_reason: Nullable(Type.String()),
  created_at: Timestamp,
  completed_at: Nullable(Timestamp),
});

const present = (r: ReferralRow) => ({
  object: 'referral' as const,
  id: r.id,
  advocate_id: r.advocate_id,
  friend_id: r.friend_id,
  code: r.code,
  status: r.status,
  flags: r.flags,
  order_id: r.order_id,
  completes_at: iso(r.completes_at),
  friend_redemption_id: r.friend_redemption_id,
  advocate_redemption_id: r.advocate_redemption_id,
  advocate_points: r.advocate_points,
  rejected_reason: r.rejected_reason,
  created_at: iso(r.created_at)!,
  completed_at: iso(r.completed_at),
});

const Stats = Type.Object({ sent: Type.Integer(), pending: Type.Integer(), flagged: Type.Integer(), completed: Type.Integer(), rejected: Type.Integer(), revenue: Type.Integer({ description: "Referred friends' orders, net of refunds, in minor units." }) });

const Settings = Type.Object({
  object: Type.Literal('referral_program'),
  friend_reward_id: Nullable(Type.String({ description: 'Issued free to the friend at once.' })),
  advocate_reward_id: Nullable(Type.String({ description: "Issued free to the advocate when the friend's first order clears the hold." })),
  advocate_points: Type.Integer({ description: 'Points for the advocate at the same moment.' }),
  hold_days: Type.Integer({ description: "Days after the friend's first order before the advocate is rewarded." }),
  ip_limit_per_week: Type.Integer({ description: 'Referrals from one IP in seven days before they are flagged.' }),
  link_base: Nullable(Type.String({ description: 'The share link is this followed by the code, e.g. https://shop.example/?ref=' })),
});

export const referralRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const settings = async (programId: string) => {
      const s = await referralSettings(deps.db, programId);
      return {
        object: 'referral_program' as const,
        friend_reward_id: s.referral_friend_reward_id,
        advocate_reward_id: s.referral_advocate_reward_id,
        advocate_points: s.referral_advocate_points,
        hold_days: s.referral_hold_days,
        ip_limit_per_week: s.referral_ip_limit_per_week,
        link_base: s.referral_link_base,
      };
    };

    app.get('/v1/referral-program', { schema: { operationId: 'getReferralProgram', tags: ['referrals'], summary: 'Referral program settings', response: { 200: Settings, ...errorResponses } } }, async (request) => settings(request.program.id));

    app.patch(
      '/v1/referral-program',
      {
        schema: {
          operationId: 'updateReferralProgram',
          tags: ['referrals'],
          summary: 'Change the referral program',
          body: Body({
            friend_reward_id: Type.Optional(Nullable(Id('rwd'))),
            advocate_reward_id: Type.Optional(Nullable(Id('rwd'))),
            advocate_points: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9 })),
            hold_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            ip_limit_per_week: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e6 })),
            link_base: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 500 }))),
          }),
          response: { 200: Settings, ...errorResponses },
        },
      },
      async (request) => {
        const b = request.body;
        for (const field of ['friend_reward_id', 'advocate_reward_id'] as const) {
          const id = b[field];
          if (!id) continue;
          const reward = await getReward(deps.db, request.program.id, id).catch(() => undefined);
          if (!reward) throw invalidRequest('reward_unknown', `No reward with id "${id}".`, field);
          if (reward.points_cost === undefined) throw invalidRequest('parameter_invalid', 'A referral reward must have a fixed points_cost.', field);
        }
        await updateReferralSettings(deps.db, request.program.id, b);
        return settings(request.program.id);
      },
    );

    app.get(
      '/v1/customers/:id/referral',
      {
        schema: {
          operationId: 'getCustomerReferral',
          tags: ['referrals'],
          summary: "A customer's referral code, share link and stats",
          params: Type.Object({ id: Id('cus') }),
          response: { 200: Type.Object({ object: Type.Literal('referral_code'), customer_id: Type.String(), code: Type.String(), link: Nullable(Type.String()), stats: Stats }), ...errorResponses },
        },
      },
      async (request) => {
        await getCustomer(deps.db, request.program.id, request.params.id);
        const code = await referralCodeOf(deps.db, request.program.id, request.params.id);
        const { link_base } = await settings(request.program.id);
        return { object: 'referral_code' as const, customer_id: request.params.id, code, link: link_base ? `${link_base}${code}` : null, stats: await referralStats(deps.db, request.program.id, request.params.id) };
      },
    );

    app.post(
      '/v1/referrals',
      {
        schema: {
          operationId: 'referFriend',
          tags: ['referrals'],
          summary: "A friend arrives with an advocate's code (link or typed)",
          description: 'The friend is found or created; unless fraud checks flag the referral, their reward is issued at once. 201 created, 200 for the same friend and code again.',
          body: Body({
            code: Type.String({ minLength: 1, maxLength: 32 }),
            friend: CustomerKeysInput,
            ip_hash: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
            device_hash: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
          }),
          response: { 200: Referral, 201: Referral, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { referral, created } = await referFriend(deps, request.program, request.body);
        return reply.status(created ? 201 : 200).send(present(referral));
      },
    );

    app.get(
      '/v1/referrals',
      {
        schema: {
          operationId: 'listReferrals',
          tags: ['referrals'],
          summary: 'List referrals (flagged ones to review: ?status=flagged)',
          querystring: Type.Object({ ...ListQuery.properties, advocate_id: Type.Optional(Id('cus')), status: Type.Optional(Status) }),
          response: { 200: List(Referral), ...errorResponses },
        },
      },
      async (request) => toList(await listReferrals(deps.db, request.program.id, request.query), request.query.limit, present),
    );

    app.get(
      '/v1/referrals/stats',
      { schema: { operationId: 'getReferralStats', tags: ['referrals'], summary: 'Program-wide referral stats', response: { 200: Type.Object({ object: Type.Literal('referral_stats'), ...Stats.properties }), ...errorResponses } } },
      async (request) => ({ object: 'referral_stats' as const, ...(await referralStats(deps.db, request.program.id)) }),
    );

    app.get(
      '/v1/referrals/:id',
      { schema: { operationId: 'getReferral', tags: ['referrals'], summary: 'Get a referral', params: Type.Object({ id: Id('rfl') }), response: { 200: Referral, ...errorResponses } } },
      async (request) => present(await getReferral(deps.db, request.program.id, request.params.id)),
    );

    for (const [action, approve] of [['approve', true], ['reject', false]] as const) {
      app.post(
        `/v1/referrals/:id/${action}`,
        {
          schema: {
            operationId: `${action}Referral`,
            tags: ['referrals'],
            summary: approve ? 'Approve a flagged referral: its rewards are issued as they fall due' : 'Reject a flagged referral',
            params: Type.Object({ id: Id('rfl') }),
            body: Body({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }),
            response: { 200: Referral, ...errorResponses },
          },
        },
        async (request) => present(await decideReferral(deps, request.program, request.params.id, approve ? { approve: true } : { approve: false, reason: request.body.reason ?? 'rejected by an admin' })),
      );
    }
  };
