import { Type } from 'typebox';
import { Body, optional } from '../../platform/http/body.ts';
import { Metadata, MinorUnits, Timestamp } from './common.ts';

export const RewardTypeSchema = Type.Union([
  Type.Literal('percent_off'),
  Type.Literal('amount_off'),
  Type.Literal('free_shipping'),
  Type.Literal('free_product'),
  Type.Literal('custom'),
  Type.Literal('store_credit'),
  Type.Literal('charity_donation'),
]);

const Count = (description: string) => Type.Integer({ minimum: 1, maximum: 1e9, description });

/** Every field a reward can have; which apply depends on its type (checked by validateReward). */
const rewardFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 2000 }),
  percent: Type.Integer({ minimum: 1, maximum: 100, description: 'percent_off: whole percent off the subtotal.' }),
  amount: MinorUnits('With a fixed cost: money off (amount_off), credited (store_credit) or donated (charity_donation).'),
  cause_id: Type.String({ minLength: 1, maxLength: 64, description: 'charity_donation: the cause (`/v1/charity/causes`).' }),
  shipping_cap: MinorUnits('free_shipping: the most shipping covered; none means all of it.'),
  product_id: Type.String({ minLength: 1, maxLength: 255, description: 'free_product: the product given.' }),
  variant_id: Type.String({ minLength: 1, maxLength: 255, description: 'free_product: the variant given.' }),
  points_cost: Count('Fixed cost in points.'),
  points_per_unit: Count('Pay with points (amount_off, store_credit, charity_donation): points that buy `unit_amount`.'),
  unit_amount: Type.Integer({ minimum: 1, maximum: 1e12, description: 'Pay with points: minor units off per `points_per_unit` points (default one currency unit).' }),
  min_points: Count('Pay with points: the fewest points one redemption spends.'),
  max_points: Count('Pay with points: the most points one redemption spends.'),
  min_subtotal: MinorUnits('The order subtotal a code needs.'),
  once_per_customer: Type.Boolean(),
  stock: Type.Integer({ minimum: 0, maximum: 1e9, description: 'How many codes can be issued in all; voided and expired ones come back.' }),
  starts_at: Timestamp,
  ends_at: Timestamp,
  customer_tags: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: 'Only customers with one of these tags may redeem.' }),
  membership_plan_id: Type.String({ minLength: 1, maxLength: 64, description: 'Only active members of this paid membership plan may redeem.' }),
  min_tier_id: Type.String({ minLength: 1, maxLength: 64, description: 'Only customers in this tier or a higher one may redeem.' }),
  segment_id: Type.String({ minLength: 1, maxLength: 64, description: 'Only customers in this segment (`/v1/segments`) when they redeem may redeem.' }),
  code_validity_days: Type.Integer({ minimum: 1, maximum: 3650, description: 'Days a code stays valid; none means it does not expire.' }),
  metadata: Metadata,
};

const { name, ...rest } = rewardFields;

export const RewardCreate = Body({ name, type: RewardTypeSchema, ...optional(rest) });
export const RewardUpdate = Body({ ...optional(rewardFields) });

export const Reward = Type.Object({
  object: Type.Literal('reward'),
  id: Type.String(),
  type: RewardTypeSchema,
  status: Type.Union([Type.Literal('active'), Type.Literal('archived')]),
  issued_count: Type.Integer({ description: 'Codes issued and not voided or expired (counted for rewards with a stock).' }),
  ...optional(rewardFields),
  name: rewardFields.name,
  created_at: Timestamp,
  updated_at: Timestamp,
});
