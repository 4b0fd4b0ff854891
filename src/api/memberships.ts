import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getCustomer } from '../customers/customer-store.ts';
import { CustomerKeysInput } from './schemas/customers.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest, RegularsError } from '../platform/errors.ts';
import { Body, optional } from '../platform/http/body.ts';
import { errorResponses, ExternalId, Id, List, MinorUnits, Nullable, Timestamp } from './schemas/common.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { getReward } from '../rewards/reward-store.ts';
import { reportMembership, type MembershipUpdate } from '../workflows/membership-reported.ts';
import { givesBenefits, validatePlan } from '../memberships/membership.ts';
import { billingWebhookSecret, createPlan, getMembership, getPlan, listPlans, membershipsOf, setBillingWebhookSecret, toMembership, updatePlan, type MembershipRow, type PlanInput } from '../memberships/membership-store.ts';
import { assertTierExists } from '../tiers/tier-store.ts';
import { checkSignature, newWebhookSecret } from '../memberships/webhook-signature.ts';

const planFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  price: MinorUnits('What the member pays per interval (or for the term), in minor units.'),
  interval: Type.Union([Type.Literal('month'), Type.Literal('year'), Type.Literal('fixed')], { description: 'Billed monthly or yearly, or a one-time fixed term.' }),
  term_days: Nullable(Type.Integer({ minimum: 1, maximum: 3650, description: 'Fixed-term plans: how long the membership lasts.' })),
  earn_multiplier: Type.Number({ minimum: 1, maximum: 100, description: 'Multiplies what purchase rules award, while active.' }),
  periodic_reward_id: Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'A fixed-cost reward issued free each period (e.g. free shipping every month).' })),
  tier_id: Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'A tier granted while active (the higher of it and the tier earned applies).' })),
  perks: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 }),
  join_url: Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }), { description: 'Where a shopper joins: the store’s product or checkout page for the plan (the widget links to it).' }),
  active: Type.Boolean({ description: 'Retired plans take no new members; existing ones keep their benefits until their period ends.' }),
};
const { name, price, interval, ...rest } = planFields;

const Plan = Type.Object({ object: Type.Literal('membership_plan'), id: Type.String(), ...planFields, created_at: Timestamp });
const Membership = Type.Object({
  object: Type.Literal('membership'),
  id: Type.String(),
  customer_id: Type.String(),
  plan_id: Type.String(),
  external_id: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('past_due'), Type.Literal('cancelled'), Type.Literal('expired')]),
  current_period_start: Timestamp,
  current_period_end: Timestamp,
  benefits_active: Type.Boolean(),
  started_at: Timestamp,
});

const UpdateBody = Body({
  customer: CustomerKeysInput,
  plan_id: Id('mpl'),
  external_id: ExternalId,
  status: Type.Union([Type.Literal('active'), Type.Literal('past_due'), Type.Literal('cancelled'), Type.Literal('expired')]),
  current_period_start: Timestamp,
  current_period_end: Timestamp,
});

type PlanBody = { price?: number; earn_multiplier?: number; periodic_reward_id?: string | null; tier_id?: string | null; interval?: 'month' | 'year' | 'fixed'; term_days?: number | null };

export const membershipRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const presentPlan = (p: Awaited<ReturnType<typeof getPlan>>) => {
      const { price_minor, multiplier_hundredths, updated_at: _u, ...plan } = p;
      return { object: 'membership_plan' as const, ...plan, price: price_minor, earn_multiplier: multiplier_hundredths / 100, created_at: p.created_at.toISOString() };
    };
    const presentMembership = (m: MembershipRow) => ({
      object: 'membership' as const,
      id: m.id,
      customer_id: m.customer_id,
      plan_id: m.plan_id,
      external_id: m.external_id,
      status: m.status,
      current_period_start: new Date(m.current_period_start).toISOString(),
      current_period_end: new Date(m.current_period_end).toISOString(),
      benefits_active: givesBenefits(toMembership(m), deps.clock.now()),
      started_at: new Date(m.started_at).toISOString(),
    });
    const toInput = async (programId: string, b: PlanBody & Record<string, unknown>): Promise<Partial<PlanInput>> => {
      if (b.periodic_reward_id) {
        const reward = await getReward(deps.db, programId, b.periodic_reward_id).catch(() => undefined);
        if (!reward || reward.points_cost === undefined) throw invalidRequest('reward_unknown', 'periodic_reward_id must name a fixed-cost reward of the program.', 'periodic_reward_id');
      }
      if (b.tier_id) await assertTierExists(deps.db, programId, b.tier_id, 'tier_id');
      const { price, earn_multiplier, ...fields } = b;
      return { ...fields, ...(price !== undefined ? { price_minor: price } : {}), ...(earn_multiplier !== undefined ? { multiplier_hundredths: Math.round(earn_multiplier * 100) } : {}) } as Partial<PlanInput>;
    };

    app.post(
      '/v1/membership-plans',
      { schema: { operationId: 'createMembershipPlan', tags: ['memberships'], summary: 'Add a paid membership plan (VIP club)', body: Body({ name, price, interval, ...optional(rest) }), response: { 201: Plan, ...errorResponses } } },
      async (request, reply) => {
        validatePlan(request.body);
        const input = { term_days: null, multiplier_hundredths: 100, periodic_reward_id: null, tier_id: null, perks: [], join_url: null, ...(await toInput(request.program.id, request.body)) } as PlanInput;
        return reply.status(201).send(presentPlan(await createPlan(deps.db, request.program.id, input, deps.clock.now())));
      },
    );

    app.get('/v1/membership-plans', { schema: { operationId: 'listMembershipPlans', tags: ['memberships'], summary: 'List plans', response: { 200: List(Plan), ...errorResponses } } }, async (request) => ({
      object: 'list' as const,
      data: (await listPlans(deps.db, request.program.id)).map(presentPlan),
      has_more: false,
    }));

    app.get(
      '/v1/membership-plans/:id',
      { schema: { operationId: 'getMembershipPlan', tags: ['memberships'], summary: 'Get a plan', params: Type.Object({ id: Id('mpl') }), response: { 200: Plan, ...errorResponses } } },
      async (request) => presentPlan(await getPlan(deps.db, request.program.id, request.params.id)),
    );

    app.patch(
      '/v1/membership-plans/:id',
      { schema: { operationId: 'updateMembershipPlan', tags: ['memberships'], summary: 'Change or retire a plan', params: Type.Object({ id: Id('mpl') }), body: Body(optional(planFields)), response: { 200: Plan, ...errorResponses } } },
      async (request) => {
        const current = await getPlan(deps.db, request.program.id, request.params.id);
        validatePlan({ interval: request.body.interval ?? current.interval, term_days: request.body.term_days === undefined ? current.term_days : request.body.term_days });
        return presentPlan(await updatePlan(deps.db, request.program.id, current.id, await toInput(request.program.id, request.body), deps.clock.now()));
      },
    );

    app.post(
      '/v1/memberships',
      {
        schema: {
          operationId: 'reportMembership',
          tags: ['memberships'],
          summary: 'What the billing system says of a membership (or use the signed webhook)',
          description: 'Upserts by `external_id` (the subscription). Benefits apply only while `active` within the paid period. 201 when new, 200 when updated.',
          body: UpdateBody,
          response: { 200: Membership, 201: Membership, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { membership, created } = await reportMembership(deps, request.program, request.body as MembershipUpdate);
        return reply.status(created ? 201 : 200).send(presentMembership(membership));
      },
    );

    app.get(
      '/v1/customers/:id/memberships',
      { schema: { operationId: 'listCustomerMemberships', tags: ['memberships'], summary: "A customer's memberships", params: Type.Object({ id: Id('cus') }), response: { 200: List(Membership), ...errorResponses } } },
      async (request) => {
        await getCustomer(deps.db, request.program.id, request.params.id);
        return { object: 'list' as const, data: (await membershipsOf(deps.db, [request.params.id])).map(presentMembership), has_more: false };
      },
    );

    app.get(
      '/v1/memberships/:id',
      { schema: { operationId: 'getMembership', tags: ['memberships'], summary: 'Get a membership', params: Type.Object({ id: Id('mbr') }), response: { 200: Membership, ...errorResponses } } },
      async (request) => presentMembership(await getMembership(deps.db, request.program.id, request.params.id)),
    );

    app.post(
      '/v1/program/billing-webhook-secret',
      {
        schema: {
          operationId: 'createBillingWebhookSecret',
          tags: ['memberships'],
          summary: 'Create (or replace) the secret the billing webhook is signed with',
          response: { 201: Type.Object({ object: Type.Literal('webhook_secret'), secret: Type.String(), url: Type.String() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const secret = newWebhookSecret();
        await setBillingWebhookSecret(deps.db, request.program.id, secret);
        return reply.status(201).send({ object: 'webhook_secret' as const, secret, url: `/v1/webhooks/billing/${request.program.id}` });
      },
    );

    await app.register(async (signed) => {
      // This route alone keeps the raw body: the signature is over the exact bytes sent.
      signed.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
        (request as unknown as { rawBody: string }).rawBody = body as string;
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(invalidRequest('invalid_body', 'Body is not valid JSON.'), undefined);
        }
      });
      signed.withTypeProvider<TypeBoxTypeProvider>().post(
        '/v1/webhooks/billing/:program_id',
        {
          config: { auth: 'public' },
          schema: {
            operationId: 'receiveBillingWebhook',
            tags: ['memberships'],
            summary: 'Signed webhook from the billing system: the same body as POST /v1/memberships',
            description: 'Header `Regulars-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the secret>`; older than five minutes is refused.',
            params: Type.Object({ program_id: Type.String({ maxLength: 64 }) }),
            body: UpdateBody,
            response: { 200: Membership, 201: Membership, ...errorResponses },
          },
        },
        async (request, reply) => {
          const secret = await billingWebhookSecret(deps.db, request.params.program_id);
          const header = request.headers['regulars-signature'];
          const verdict = secret
            ? checkSignature(typeof header === 'string' ? header : undefined, secret, (request as unknown as { rawBody: string }).rawBody, deps.clock.now())
            : 'missing';
          if (verdict !== 'ok') throw new RegularsError('authentication', 'invalid_signature', `The webhook signature is ${verdict === 'stale' ? 'too old' : verdict === 'wrong' ? 'wrong' : 'missing or malformed'}.`, 'Regulars-Signature');
          const context = await loadProgramContext(deps.db, request.params.program_id);
          const { membership, created } = await reportMembership(deps, context, request.body as MembershipUpdate);
          return reply.status(created ? 201 : 200).send(presentMembership(membership));
        },
      );
    });
  };
