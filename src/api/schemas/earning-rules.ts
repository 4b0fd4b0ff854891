import { Type } from 'typebox';
import { Body, optional } from '../../platform/http/body.ts';
import { Metadata, MinorUnits, Nullable, Timestamp } from './common.ts';
import { LineItemInput } from './orders.ts';

const Ids = (description: string) => Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { maxItems: 500, description }));

export const RuleTypeSchema = Type.Union([Type.Literal('points_per_unit'), Type.Literal('fixed_per_order'), Type.Literal('multiplier'), Type.Literal('action')]);

/** Every field a rule can have; which apply depends on its type (checked by validateRule). */
const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  active: Type.Boolean(),
  points: Type.Integer({ minimum: 1, maximum: 1e9, description: 'points_per_unit: points per unit_amount spent; fixed_per_order and action: points awarded.' }),
  unit_amount: Type.Integer({ minimum: 1, maximum: 1e12, description: 'points_per_unit: spend in minor units that earns `points` (default one currency unit).' }),
  base: Type.Union([Type.Literal('subtotal_after_discounts'), Type.Literal('subtotal'), Type.Literal('total')], { description: 'What purchase rules earn on; default subtotal after discounts (no shipping, no tax).' }),
  multiplier: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'multiplier: factor (two decimals at most) applied to the other purchase rules while in force.' }),
  min_spend: MinorUnits('Minimum eligible spend for the order to earn, in minor units.'),
  include_products: Ids('Only lines of these product or variant ids earn.'),
  exclude_products: Ids('Lines of these product or variant ids do not earn.'),
  include_collections: Ids('Only lines in these collections earn.'),
  exclude_collections: Ids('Lines in these collections do not earn.'),
  include_tags: Ids('Only lines with these product tags earn.'),
  exclude_tags: Ids('Lines with these product tags do not earn.'),
  event_type: Type.String({ pattern: '^[a-z0-9][a-z0-9_.:-]{0,63}$', description: 'action: signup, birthday, profile_completed, social_follow, social_share, review, newsletter_signup, or your own type.' }),
  network: Type.String({ minLength: 1, maxLength: 50, description: 'social_follow / social_share: the network (instagram, tiktok, …).' }),
  starts_at: Timestamp,
  ends_at: Timestamp,
  limit: Body({
    count: Type.Integer({ minimum: 1, maximum: 1e6 }),
    period: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month'), Type.Literal('year'), Type.Literal('lifetime')]),
  }, { description: 'At most `count` awards per customer per calendar period (UTC).' }),
  hold_days: Type.Integer({ minimum: 0, maximum: 365, description: 'Points stay pending this many days (the return window).' }),
  store_id: Type.String({ minLength: 1, maxLength: 64, description: 'Purchase rules: only orders of this store of a coalition.' }),
  segment_id: Type.String({ minLength: 1, maxLength: 64, description: 'Only customers in this segment when they order or act (docs/segments.md): "double points for champions". Try an order has no customer, so it leaves these rules out.' }),
  metadata: Metadata,
};

const { name, ...rest } = ruleFields;

export const EarningRuleCreate = Body({ name, type: RuleTypeSchema, ...optional(rest) });
export const EarningRuleUpdate = Body({ ...optional(ruleFields) });

export const EarningRule = Type.Object(
  {
    object: Type.Literal('earning_rule'),
    id: Type.String(),
    type: RuleTypeSchema,
    ...optional(ruleFields),
    name: ruleFields.name,
    active: ruleFields.active,
    created_at: Timestamp,
    updated_at: Timestamp,
  },
);

/** "Try an order": a cart to run the program's rules on, and optionally a rule not saved yet. */
export const EarningPreviewInput = Body({
  subtotal: MinorUnits('Line items before order discounts, in minor units.'),
  total: Type.Optional(MinorUnits('What the shopper pays; default the subtotal less the discount.')),
  discount: Type.Optional(MinorUnits()),
  line_items: Type.Optional(Type.Array(LineItemInput, { maxItems: 100 })),
  placed_at: Type.Optional(Timestamp),
  rule: Type.Optional(EarningRuleCreate),
});

export const EarningPreview = Type.Object({
  object: Type.Literal('earning_preview'),
  points: Type.Integer({ description: 'What the order earns in all, before tier and membership multipliers.' }),
  awards: Type.Array(
    Type.Object({
      rule_id: Nullable(Type.String({ description: 'null for the draft `rule`.' })),
      rule_name: Type.String(),
      points: Type.Integer(),
      hold_days: Type.Integer(),
      explanation: Type.Object({ summary: Type.String(), inputs: Type.Record(Type.String(), Type.Unknown()) }),
    }),
  ),
});
