import { Type } from 'typebox';
import { CustomerKeysInput } from './customers.ts';
import { Body } from '../../platform/http/body.ts';
import { Currency, Id, MinorUnits, Nullable, Timestamp } from './common.ts';
import { RewardTypeSchema } from './rewards.ts';

const Discount = Type.Object({
  type: RewardTypeSchema,
  currency: Type.String(),
  percent: Type.Optional(Type.Integer()),
  amount: Type.Optional(Type.Integer()),
  shipping_cap: Type.Optional(Type.Integer()),
  product_id: Type.Optional(Type.String()),
  variant_id: Type.Optional(Type.String()),
  min_subtotal: Type.Optional(Type.Integer()),
  cause_id: Type.Optional(Type.String()),
});

export const Redemption = Type.Object({
  object: Type.Literal('redemption'),
  id: Type.String(),
  customer_id: Type.String(),
  reward_id: Type.String(),
  status: Type.Union([Type.Literal('reserved'), Type.Literal('used'), Type.Literal('voided'), Type.Literal('expired')]),
  points: Type.Integer(),
  code: Nullable(Type.String({ description: 'The discount code; none for custom rewards, which the store fulfils.' })),
  discount: Discount,
  expires_at: Nullable(Timestamp),
  order_id: Nullable(Type.String()),
  used_at: Nullable(Timestamp),
  voided_at: Nullable(Timestamp),
  void_reason: Nullable(Type.String()),
  expired_at: Nullable(Timestamp),
  created_at: Timestamp,
});

export const RedeemInput = Body({
  reward_id: Id('rwd'),
  points: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e12, description: 'Pay-with-points rewards: how many points to spend.' })),
});

export const ValidateInput = Body({
  code: Type.String({ minLength: 1, maxLength: 64 }),
  subtotal: MinorUnits('The cart subtotal, in minor units.'),
  currency: Currency,
  shipping: Type.Optional(MinorUnits('The shipping price, for free-shipping codes.')),
  line_items: Type.Optional(
    Type.Array(
      Body({ product_id: Type.String({ minLength: 1, maxLength: 255 }), variant_id: Type.Optional(Type.String({ maxLength: 255 })), quantity: Type.Integer({ minimum: 1 }), unit_price: MinorUnits() }),
      { maxItems: 1000 },
    ),
  ),
  customer: Type.Optional(CustomerKeysInput),
});

export const DiscountCode = Type.Object({
  object: Type.Literal('discount_code'),
  code: Type.String(),
  valid: Type.Literal(true),
  redemption_id: Type.String(),
  customer_id: Type.String(),
  reward_id: Type.String(),
  type: RewardTypeSchema,
  currency: Type.String(),
  amount: Type.Integer({ description: 'Money off, in minor units: off the subtotal, the shipping (free_shipping) or the free product.' }),
  free_shipping: Type.Boolean(),
  product: Nullable(Type.Object({ product_id: Type.String(), variant_id: Type.Optional(Type.String()) })),
  expires_at: Nullable(Timestamp),
});
