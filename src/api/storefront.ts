import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { CustomerRow } from '../customers/customer-store.ts';
import { listTransactions, presentTransaction } from '../ledger/transactions.ts';
import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { referralCodeOf, referralStats } from '../referrals/referral-store.ts';
import { advocatesWithCode, referralVisitCount } from '../referrals/referral-visits.ts';
import { referFriend, referralSettings } from '../workflows/friend-referred.ts';
import { redeemReward } from '../workflows/reward-redeemed.ts';
import { claimAction } from '../workflows/shopper-action-claimed.ts';
import { shopperCustomer, shopperOrder, shopperView } from '../workflows/shopper-view.ts';
import { storefrontProgram } from '../workflows/storefront-program.ts';
import { counted } from './redemptions.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { Activity, Shopper, ShopperOrder, ShopperRedemption, ShopperReferral, StorefrontProgram } from './schemas/storefront.ts';
import { shopperProfileRoutes } from './storefront-profile.ts';
import { shopperSurveyRoutes } from './storefront-survey.ts';
import { shopperGivingRoutes } from './storefront-giving.ts';

const security: Record<string, string[]>[] = [{ publishableKey: [] }, { publishableKey: [], customerToken: [] }];
const tags = ['storefront'];

/**
 * The storefront API the widget and hosted pages call from the shopper's browser: the program's
 * publishable key names the program; a customer token (minted by the store's backend) names the
 * shopper. Nothing here shows or changes another customer's data.
 */
export const storefrontRoutes =
  (deps: Deps, publicUrl: string | undefined): FastifyPluginAsyncTypebox =>
  async (app) => {
    allowStorefrontOrigins(app);
    const me = async (request: FastifyRequest): Promise<CustomerRow> => {
      if (!request.shopper) throw new RegularsError('authentication', 'customer_token_required', 'This needs a signed-in shopper: send their customer token (docs/storefront.md).', 'Authorization');
      return shopperCustomer(deps, request.program, request.shopper);
    };

    /** This instance's landing, /r/{code}; with the program's slug when another program has the same code. */
    const hostedReferralLink = async (request: FastifyRequest, code: string) => {
      const base = `${publicUrl ?? `${request.protocol}://${request.host}`}/r/${encodeURIComponent(code)}`;
      if ((await advocatesWithCode(deps.db, code)).length < 2) return base;
      return `${base}?program=${(await storefrontProgram.get(deps.db, request.program.id)).slug}`;
    };

    app.get(
      '/storefront/v1/program',
      { schema: { operationId: 'getStorefrontProgram', tags, security, summary: 'The program as shoppers see it: ways to earn, rewards, tiers, referral offer, plans, texts, theme', response: { 200: StorefrontProgram, ...errorResponses } } },
      async (request) => storefrontProgram.get(deps.db, request.program.id),
    );

    app.get(
      '/storefront/v1/me',
      { schema: { operationId: 'getShopper', tags, security, summary: 'The signed-in shopper: balance, pending points and when they come, what expires when, tier and progress, cards, challenges, memberships, codes', response: { 200: Shopper, ...errorResponses } } },
      async (request) => shopperView(deps, request.program, await me(request)),
    );

    app.get(
      '/storefront/v1/me/activity',
      { schema: { operationId: 'listShopperActivity', tags, security, summary: 'The shopper’s points history, newest first', querystring: ListQuery, response: { 200: List(Activity), ...errorResponses } } },
      async (request) => {
        const customer = await me(request);
        const rows = await listTransactions(deps.db, request.program.id, customer.id, request.query);
        return toList(rows, request.query.limit, (row) => {
          const t = presentTransaction(row);
          return { id: t.id, code: t.code, points: t.points, points_pending: t.points_pending, reference: t.reference, explanation: t.explanation, occurred_at: t.occurred_at };
        });
      },
    );

    app.get(
      '/storefront/v1/me/orders/:order_id',
      {
        schema: {
          operationId: 'getShopperOrder',
          tags,
          security,
          summary: 'What one of the shopper’s orders earned, by the store’s order id (the order-confirmation block)',
          description: '404 until the store’s order webhook has arrived; the widget shows an estimate meanwhile and asks again.',
          params: Type.Object({ order_id: Type.String({ minLength: 1, maxLength: 100 }) }),
          response: { 200: ShopperOrder, ...errorResponses },
        },
      },
      async (request) => shopperOrder(deps, request.program, await me(request), request.params.order_id),
    );

    app.post(
      '/storefront/v1/me/redemptions',
      {
        schema: {
          operationId: 'redeemShopperReward',
          tags,
          security,
          summary: 'Redeem a reward for a code: the points are reserved at once',
          body: Body({ reward_id: Id('rwd'), points: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e9, description: 'Pay-with-points rewards: how many points.' })) }),
          response: { 201: ShopperRedemption, ...errorResponses },
        },
      },
      async (request, reply) => {
        const customer = await me(request);
        const redemption = await counted(redeemReward(deps, request.program, customer.id, request.body));
        const after = await shopperCustomer(deps, request.program, request.shopper!);
        return reply.status(201).send({
          object: 'redemption' as const,
          id: redemption.id,
          reward_id: redemption.reward_id,
          status: redemption.status,
          code: redemption.code,
          points: redemption.points,
          expires_at: redemption.expires_at ? new Date(redemption.expires_at).toISOString() : null,
          points_balance: after.points_available,
        });
      },
    );

    app.get(
      '/storefront/v1/me/referral',
      { schema: { operationId: 'getShopperReferral', tags, security, summary: 'The shopper’s referral code and share link', response: { 200: ShopperReferral, ...errorResponses } } },
      async (request) => {
        const customer = await me(request);
        const code = await referralCodeOf(deps.db, request.program.id, customer.id);
        const { referral_link_base } = await referralSettings(deps.db, request.program.id);
        const stats = await referralStats(deps.db, request.program.id, customer.id);
        const link = referral_link_base ? `${referral_link_base}${code}` : await hostedReferralLink(request, code);
        const link_visits = await referralVisitCount(deps.db, request.program.id, customer.id);
        return { object: 'referral_code' as const, code, link, friends_referred: stats.sent, friends_completed: stats.completed, link_visits };
      },
    );

    app.post(
      '/storefront/v1/me/actions',
      {
        schema: {
          operationId: 'claimShopperAction',
          tags,
          security,
          summary: 'Claim an action: a social follow, the newsletter, a birthday',
          description: 'Awards the program’s action rule for it, under the rule’s limits (once per network for a follow). A birthday is set once; the birthday sweep awards it on the day.',
          body: Type.Union([
            Body({ type: Type.Literal('social_follow'), network: Type.String({ pattern: '^[a-z0-9_-]{1,32}$' }) }),
            Body({ type: Type.Literal('newsletter_signup') }),
            Body({ type: Type.Literal('birthday'), birthday: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }),
          ]),
          response: { 200: Type.Object({ object: Type.Literal('action'), type: Type.String(), points_awarded: Type.Integer() }), ...errorResponses },
        },
      },
      async (request) => {
        const customer = await me(request);
        const { points } = await claimAction(deps, request.program, customer.id, request.body);
        return { object: 'action' as const, type: request.body.type, points_awarded: points };
      },
    );

    app.post(
      '/storefront/v1/referrals',
      {
        schema: {
          operationId: 'arriveWithReferralCode',
          tags,
          security,
          summary: 'A friend arrives with a referral code (the signed-in shopper, or a guest by email)',
          body: Body({ code: Type.String({ minLength: 1, maxLength: 32 }), email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })) }),
          response: { 200: Type.Object({ object: Type.Literal('referral'), status: Type.String() }), 201: Type.Object({ object: Type.Literal('referral'), status: Type.String() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const friend = request.shopper ? { external_id: request.shopper.externalId, ...(request.shopper.email ? { email: request.shopper.email } : {}) } : request.body.email ? { email: request.body.email } : undefined;
        if (!friend) throw new RegularsError('invalid_request', 'parameter_missing', 'A guest names themselves with an email.', 'email');
        const { referral, created } = await referFriend(deps, request.program, { code: request.body.code, friend, ip_hash: deps.secrets.digest(request.ip) });
        return reply.status(created ? 201 : 200).send({ object: 'referral' as const, status: referral.status });
      },
    );

    shopperProfileRoutes(app, deps, me);
    shopperSurveyRoutes(app, deps, me);
    shopperGivingRoutes(app, deps, me);
  };

/**
 * CORS for the storefront API: a browser may call it from the program's `storefront_origins`
 * only. A preflight carries no key, so it is answered for any origin; the answer itself is
 * readable only from an origin the program named.
 */
function allowStorefrontOrigins(app: FastifyInstance): void {
  const headers = 'Regulars-Publishable-Key, Authorization, Content-Type, Idempotency-Key';
  app.options('/storefront/v1/*', { schema: { hide: true }, config: { auth: 'public' } }, async (request, reply) => {
    const origin = request.headers.origin;
    if (origin) void reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    return reply.header('access-control-allow-methods', 'GET, POST, PUT').header('access-control-allow-headers', headers).header('access-control-max-age', '600').status(204).send();
  });
  app.addHook('onSend', async (request, reply) => {
    const origin = request.headers.origin;
    void reply.header('vary', 'Origin');
    if (origin && request.storefrontOrigins?.includes(origin)) void reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After');
  });
}
