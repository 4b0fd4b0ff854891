import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { Body } from '../platform/http/body.ts';
import type { Selectable } from 'kysely';
import type { ProgramsTable } from '../platform/db/schema.ts';
import { Currency, errorResponses, Nullable, Timestamp } from './schemas/common.ts';
import { assertCurrency } from '../platform/money.ts';
import { forgetTierSettings } from '../tiers/tier-store.ts';
import { forgetCashbackSettings } from '../cashback/cashback-settings.ts';
import { createProgram, getProgram, updateProgram, validateExpirySettings } from '../programs/program-store.ts';

const ExpiryPolicySchema = Type.Union([Type.Literal('none'), Type.Literal('fixed'), Type.Literal('inactivity')], {
  description: '`none`; `fixed`: each lot of earned points expires its period after being earned; `inactivity`: the whole balance after the period without earning or redeeming.',
});

const TierMetricSchema = Type.Union([Type.Literal('points_earned'), Type.Literal('amount_spent'), Type.Literal('orders_count')], { description: 'What tier thresholds measure.' });
const TierPeriodSchema = Type.Union([Type.Literal('lifetime'), Type.Literal('calendar_year'), Type.Literal('rolling_12_months')], {
  description: 'Over which period: a calendar year qualifies for the rest of that year and all of the next.',
});

const Program = Type.Object({
  object: Type.Literal('program'),
  id: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  allow_negative_balance: Type.Boolean({ description: 'Whether refunds may take a balance below zero; manual adjustments too.' }),
  code_prefix: Nullable(Type.String({ description: 'Put before every discount code the program issues.' })),
  return_points_on_code_expiry: Type.Boolean({ description: 'Whether the points of a code that expires unused go back to the customer (default) or are spent.' }),
  expiry_policy: ExpiryPolicySchema,
  expiry_days: Nullable(Type.Integer()),
  expiry_months: Nullable(Type.Integer()),
  expiry_warning_days: Type.Integer({ description: 'Days before a deadline that `points.expiring_soon` is announced; 0 for never.' }),
  tier_metric: TierMetricSchema,
  tier_period: TierPeriodSchema,
  tier_grace_days: Type.Integer({ description: 'Days a customer keeps a tier after the period stops supporting it (tier.will_downgrade is announced when the grace starts).' }),
  cashback_percent: Type.Number({ description: 'Cashback as store credit on what was paid for merchandise; 0 turns it off. Tiers may set their own.' }),
  cashback_hold_days: Type.Integer({ description: 'Days cashback stays pending (the return window).' }),
  point_value_per_1000: Type.Integer({ description: 'Coalitions: what 1,000 points are worth between stores, in minor units of the program currency.' }),
  point_cost_per_1000: Type.Integer({ description: 'What 1,000 points cost the program, in minor units: the liability in program economics.' }),
  holdout_percent: Type.Integer({ description: 'Share of new customers kept out of the program as a control group (they earn nothing); the lift report compares them.' }),
  rate_limit_per_minute: Nullable(Type.Integer({ description: 'Requests per minute each secret key may make on an instance; null: the instance default (REGULARS_RATE_LIMIT_PER_MINUTE).' })),
  publishable_rate_limit_per_minute: Nullable(Type.Integer({ description: 'The same for the storefront, per publishable key and shopper IP; null: REGULARS_PUBLISHABLE_RATE_LIMIT_PER_MINUTE.' })),
  created_at: Timestamp,
});

const ProgramWithKey = Type.Object({ ...Program.properties, api_key: Type.String({ description: 'Secret key, shown only here.' }) });

const present = (p: Selectable<ProgramsTable>) => ({
  object: 'program' as const,
  id: p.id,
  name: p.name,
  currency: p.currency,
  allow_negative_balance: p.allow_negative_balance,
  code_prefix: p.code_prefix,
  return_points_on_code_expiry: p.return_points_on_code_expiry,
  expiry_policy: p.expiry_policy,
  expiry_days: p.expiry_days,
  expiry_months: p.expiry_months,
  expiry_warning_days: p.expiry_warning_days,
  tier_metric: p.tier_metric,
  tier_period: p.tier_period,
  tier_grace_days: p.tier_grace_days,
  cashback_percent: p.cashback_bps / 100,
  cashback_hold_days: p.cashback_hold_days,
  point_value_per_1000: p.coalition_point_value_minor,
  point_cost_per_1000: p.point_cost_per_1000,
  holdout_percent: p.holdout_percent,
  rate_limit_per_minute: p.rate_limit_per_minute,
  publishable_rate_limit_per_minute: p.publishable_rate_limit_per_minute,
  created_at: new Date(p.created_at).toISOString(),
});

export const programRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/programs',
      {
        config: { auth: 'admin' },
        schema: {
          operationId: 'createProgram',
          tags: ['programs'],
          summary: 'Create a program (instance admin key)',
          body: Body({
            name: Type.String({ minLength: 1, maxLength: 200 }),
            currency: Currency,
            allow_negative_balance: Type.Optional(Type.Boolean()),
          }),
          response: { 201: ProgramWithKey, ...errorResponses },
        },
      },
      async (request, reply) => {
        const currency = assertCurrency(request.body.currency);
        const { program, apiKey } = await createProgram(deps.db, { ...request.body, currency }, deps.clock.now());
        return reply.status(201).send({ ...present(program), api_key: apiKey });
      },
    );

    app.get(
      '/v1/program',
      { schema: { operationId: 'getProgram', tags: ['programs'], summary: 'The program of the API key', response: { 200: Program, ...errorResponses } } },
      async (request) => present((await getProgram(deps.db, request.program.id))!),
    );

    app.patch(
      '/v1/program',
      {
        schema: {
          operationId: 'updateProgram',
          tags: ['programs'],
          summary: 'Change program settings',
          body: Body({
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            allow_negative_balance: Type.Optional(Type.Boolean()),
            code_prefix: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z0-9-]{1,12}$', description: 'Upper-case letters, digits and dashes.' }))),
            return_points_on_code_expiry: Type.Optional(Type.Boolean()),
            expiry_policy: Type.Optional(ExpiryPolicySchema),
            expiry_days: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 3650, description: 'fixed: days after being earned; inactivity: days without earning or redeeming.' }))),
            expiry_months: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 120, description: 'The same in calendar months (instead of days).' }))),
            expiry_warning_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            tier_metric: Type.Optional(TierMetricSchema),
            tier_period: Type.Optional(TierPeriodSchema),
            tier_grace_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            cashback_percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Rounded to hundredths of a percent.' })),
            cashback_hold_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            point_value_per_1000: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9 })),
            point_cost_per_1000: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9 })),
            holdout_percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
            rate_limit_per_minute: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 }))),
            publishable_rate_limit_per_minute: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 }))),
          }),
          response: { 200: Program, ...errorResponses },
        },
      },
      async (request) => {
        const current = (await getProgram(deps.db, request.program.id))!;
        validateExpirySettings({ ...current, ...request.body });
        const { cashback_percent, point_value_per_1000, ...settings } = request.body;
        const program = await updateProgram(deps.db, request.program.id, {
          ...settings,
          ...(cashback_percent !== undefined ? { cashback_bps: Math.round(cashback_percent * 100) } : {}),
          ...(point_value_per_1000 !== undefined ? { coalition_point_value_minor: point_value_per_1000 } : {}),
        });
        app.forgetCachedKeys();
        forgetTierSettings(request.program.id);
        forgetCashbackSettings(request.program.id);
        return present(program);
      },
    );
  };
