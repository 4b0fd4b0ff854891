import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assertCauseActive } from '../charity/charity-store.ts';
import { forgetGivingSettings } from '../charity/order-giving.ts';
import type { Deps } from '../platform/deps.ts';
import { Body, optional } from '../platform/http/body.ts';
import { RegularsError } from '../platform/errors.ts';
import { roleMay } from '../users/roles.ts';
import { actingRole } from './access.ts';
import type { Locale } from '../storefront/locales.ts';
import type { Selectable } from 'kysely';
import type { ProgramsTable } from '../platform/db/schema.ts';
import { Currency, errorResponses, ExternalId, LocaleSchema, Nullable, Timestamp } from './schemas/common.ts';
import { signCustomerToken } from '../storefront/customer-token.ts';
import { assertCurrency } from '../platform/money.ts';
import { forgetTierSettings } from '../tiers/tier-store.ts';
import { forgetCashbackSettings } from '../cashback/cashback-settings.ts';
import { storefrontProgram } from '../workflows/storefront-program.ts';
import { newWidgetSecret } from '../programs/api-keys.ts';
import { createProgram, getProgram, rotateWidgetSecret, updateProgram, validateExpirySettings } from '../programs/program-store.ts';

const ExpiryPolicySchema = Type.Union([Type.Literal('none'), Type.Literal('fixed'), Type.Literal('inactivity')], {
  description: '`none`; `fixed`: each lot of earned points expires its period after being earned; `inactivity`: the whole balance after the period without earning or redeeming.',
});

const TierMetricSchema = Type.Union([Type.Literal('points_earned'), Type.Literal('amount_spent'), Type.Literal('orders_count')], { description: 'What tier thresholds measure.' });
const TierPeriodSchema = Type.Union([Type.Literal('lifetime'), Type.Literal('calendar_year'), Type.Literal('rolling_12_months')], {
  description: 'Over which period: a calendar year qualifies for the rest of that year and all of the next.',
});

const Url = (description: string) => Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }), { description });

/** What the shopper's side shows and where it may run. */
const storefrontSettings = {
  storefront_origins: Type.Array(Type.String({ pattern: '^https?://[^/]+$', maxLength: 200 }), { maxItems: 20, description: 'Origins (https://shop.example) whose pages may call the storefront API from the browser.' }),
  signup_url: Url('Where “Join now” sends a guest.'),
  login_url: Url('Where “Sign in” sends a guest.'),
  store_url: Url('The store, for the referral landing page’s “Shop now”.'),
  default_locale: LocaleSchema({ description: 'The language shoppers see unless their page asks for another: en, ar, fa, zh-Hans, zh-Hant.' }),
  widget_theme: Type.Object(
    {
      primary_color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
      text_color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
      background_color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
      font_family: Type.Optional(Type.String({ maxLength: 200, pattern: '^[^;{}<>]*$' })),
      radius_px: Type.Optional(Type.Integer({ minimum: 0, maximum: 32 })),
      launcher_position: Type.Optional(Type.Union([Type.Literal('start'), Type.Literal('end')])),
      launcher_label: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
      launcher_icon: Type.Optional(Type.Union([Type.Literal('star'), Type.Literal('gift'), Type.Literal('heart'), Type.Literal('crown')])),
    },
    { additionalProperties: false, description: 'How the widget looks.' },
  ),
  widget_texts: Type.Record(Type.String({ pattern: '^(en|ar|fa|zh-Hans|zh-Hant)$' }), Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_.]*(\\|(zero|one|two|few|many|other))?$', maxLength: 80 }), Type.String({ maxLength: 500 }), { maxProperties: 200 }), {
    description: 'Your own texts over the built-in ones, by locale and message id (docs/storefront.md lists the ids).',
  }),
};

const HourMinute = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour clock.' });

/** How the lifecycle emails go out (docs/emails.md). */
const emailSettings = {
  email_from: Nullable(Type.String({ minLength: 3, maxLength: 320, pattern: '^[^\\r\\n]*@[^\\r\\n]*$', description: 'The sender, e.g. "Demo Coffee <rewards@shop.example>"; none: EMAIL_FROM.' })),
  email_reply_to: Nullable(Type.String({ format: 'email', maxLength: 320 })),
  email_postal_address: Nullable(Type.String({ maxLength: 500, description: 'The store’s postal address, in every marketing email’s footer (CAN-SPAM).' })),
  review_url: Url('The store’s review page, for the review_request email.'),
  email_quiet_hours: Nullable(Type.Object({ start: HourMinute, end: HourMinute }, { additionalProperties: false }), { description: 'No marketing email in these hours of the customer’s time zone (deferred, not dropped); default 21:00–08:00; none: any time.' }),
  email_frequency_cap_hours: Type.Integer({ minimum: 0, maximum: 720, description: 'At most one marketing email per customer in this many hours (default 16); 0: no cap.' }),
  email_link_tracking: Type.Boolean({ description: 'Whether emails’ links pass through /c?t={token} to count clicks (off by default: no tracking without the merchant asking).' }),
};

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
  giving_percent: Type.Number({ description: 'Merchant-funded giving: this share of what each order paid for merchandise goes to a cause (docs/rewards.md#merchant-funded-giving); 0 turns it off.' }),
  giving_fixed: Type.Integer({ description: 'And/or this fixed amount per order, in minor units.' }),
  giving_cause_id: Nullable(Type.String({ description: 'The cause an order gives to when its shopper chose none.' })),
  cashback_hold_days: Type.Integer({ description: 'Days cashback stays pending (the return window).' }),
  point_value_per_1000: Type.Integer({ description: 'Coalitions: what 1,000 points are worth between stores, in minor units of the program currency.' }),
  point_cost_per_1000: Type.Integer({ description: 'What 1,000 points cost the program, in minor units: the liability in program economics.' }),
  holdout_percent: Type.Integer({ description: 'Share of new customers kept out of the program as a control group (they earn nothing); the lift report compares them.' }),
  rate_limit_per_minute: Nullable(Type.Integer({ description: 'Requests per minute each secret key may make on an instance; null: the instance default (REGULARS_RATE_LIMIT_PER_MINUTE).' })),
  publishable_rate_limit_per_minute: Nullable(Type.Integer({ description: 'The same for the storefront, per signed-in shopper (or visitor address); null: REGULARS_PUBLISHABLE_RATE_LIMIT_PER_MINUTE.' })),
  support_adjustment_limit: Type.Integer({ description: 'The most points a support user may add or remove in one adjustment.' }),
  ...storefrontSettings,
  ...emailSettings,
  publishable_key: Type.String({ description: 'Names the program in a page (the widget’s publishable-key): not a secret.' }),
  slug: Type.String({ description: 'The hosted rewards page is /rewards/{slug}.' }),
  has_widget_secret: Type.Boolean({ description: 'Whether customer tokens can be verified (POST /v1/program/widget-secret).' }),
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
  giving_percent: p.giving_bps / 100,
  giving_fixed: Number(p.giving_fixed_minor),
  giving_cause_id: p.giving_cause_id,
  cashback_hold_days: p.cashback_hold_days,
  point_value_per_1000: p.coalition_point_value_minor,
  point_cost_per_1000: p.point_cost_per_1000,
  holdout_percent: p.holdout_percent,
  rate_limit_per_minute: p.rate_limit_per_minute,
  publishable_rate_limit_per_minute: p.publishable_rate_limit_per_minute,
  support_adjustment_limit: p.support_adjustment_limit,
  storefront_origins: p.storefront_origins,
  signup_url: p.signup_url,
  login_url: p.login_url,
  store_url: p.store_url,
  default_locale: p.default_locale as Locale,
  widget_theme: p.widget_theme,
  widget_texts: p.widget_texts,
  email_from: p.email_from,
  email_reply_to: p.email_reply_to,
  email_postal_address: p.email_postal_address,
  review_url: p.review_url,
  email_quiet_hours: p.email_quiet_hours,
  email_frequency_cap_hours: p.email_frequency_cap_hours,
  email_link_tracking: p.email_link_tracking,
  publishable_key: p.publishable_key,
  slug: p.slug,
  has_widget_secret: p.widget_secret_sealed !== null,
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
            giving_percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Rounded to hundredths of a percent.' })),
            giving_fixed: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
            giving_cause_id: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
            cashback_hold_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            point_value_per_1000: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9 })),
            point_cost_per_1000: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9 })),
            holdout_percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
            rate_limit_per_minute: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 }))),
            publishable_rate_limit_per_minute: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 }))),
            support_adjustment_limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9, description: 'The most points a support user may add or remove in one adjustment; set by an owner or an admin.' })),
            ...optional(storefrontSettings),
            ...optional(emailSettings),
          }),
          response: { 200: Program, ...errorResponses },
        },
      },
      async (request) => {
        const role = actingRole(request);
        if (request.body.support_adjustment_limit !== undefined && role && !roleMay(role, 'manage')) {
          throw new RegularsError('permission', 'role_not_allowed', 'Only an owner or an admin sets support_adjustment_limit.', 'support_adjustment_limit');
        }
        const current = (await getProgram(deps.db, request.program.id))!;
        validateExpirySettings({ ...current, ...request.body });
        const { cashback_percent, giving_percent, giving_fixed, point_value_per_1000, widget_theme, widget_texts, email_quiet_hours, ...settings } = request.body;
        if (settings.giving_cause_id) await assertCauseActive(deps.db, request.program.id, settings.giving_cause_id, 'giving_cause_id');
        const program = await updateProgram(deps.db, request.program.id, {
          ...settings,
          ...(widget_theme !== undefined ? { widget_theme: JSON.stringify(widget_theme) } : {}),
          ...(widget_texts !== undefined ? { widget_texts: JSON.stringify(widget_texts) } : {}),
          ...(email_quiet_hours !== undefined ? { email_quiet_hours: email_quiet_hours === null ? null : JSON.stringify(email_quiet_hours) } : {}),
          ...(cashback_percent !== undefined ? { cashback_bps: Math.round(cashback_percent * 100) } : {}),
          ...(giving_percent !== undefined ? { giving_bps: Math.round(giving_percent * 100) } : {}),
          ...(giving_fixed !== undefined ? { giving_fixed_minor: giving_fixed } : {}),
          ...(point_value_per_1000 !== undefined ? { coalition_point_value_minor: point_value_per_1000 } : {}),
        });
        app.forgetCachedKeys();
        forgetTierSettings(request.program.id);
        forgetCashbackSettings(request.program.id);
        forgetGivingSettings(request.program.id);
        storefrontProgram.forget(request.program.id);
        return present(program);
      },
    );

    app.post(
      '/v1/program/widget-secret',
      {
        schema: {
          operationId: 'createWidgetSecret',
          tags: ['programs'],
          summary: 'Make (or rotate) the widget secret the store’s backend signs customer tokens with',
          description: 'Shown only in this answer. A rotation keeps the previous secret valid for 24 hours, so pages already carrying tokens keep working (docs/storefront.md).',
          response: {
            201: Type.Object({
              object: Type.Literal('widget_secret'),
              secret: Type.String(),
              publishable_key: Type.String(),
              previous_valid_until: Nullable(Timestamp),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const current = (await getProgram(deps.db, request.program.id))!;
        const secret = newWidgetSecret();
        await rotateWidgetSecret(deps.db, request.program.id, deps.secrets.seal(secret), now);
        app.forgetCachedKeys();
        return reply.status(201).send({
          object: 'widget_secret' as const,
          secret,
          publishable_key: current.publishable_key,
          previous_valid_until: current.widget_secret_sealed ? new Date(now.getTime() + 86_400_000).toISOString() : null,
        });
      },
    );

    app.post(
      '/v1/program/test-customer-token',
      {
        schema: {
          operationId: 'createTestCustomerToken',
          tags: ['programs'],
          summary: 'A customer token for a test customer, signed with the widget secret, to try the widget',
          description: 'What the store’s backend makes for a signed-in shopper (docs/storefront.md), valid one hour. Needs a widget secret.',
          body: Body({ external_id: ExternalId, email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })) }),
          response: { 201: Type.Object({ object: Type.Literal('customer_token'), token: Type.String(), expires_at: Timestamp }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const sealed = (await getProgram(deps.db, request.program.id))!.widget_secret_sealed;
        if (!sealed) throw new RegularsError('permission', 'widget_secret_missing', 'This program has no widget secret yet: create one with POST /v1/program/widget-secret.');
        const { token, expiresAt } = await signCustomerToken(deps.secrets.open(sealed), { externalId: request.body.external_id, email: request.body.email }, deps.clock.now());
        return reply.status(201).send({ object: 'customer_token' as const, token, expires_at: expiresAt.toISOString() });
      },
    );
  };
