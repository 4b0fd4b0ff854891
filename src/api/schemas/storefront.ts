import { Type } from 'typebox';
import { Nullable, Timestamp } from './common.ts';
import { ChallengeStatus, PointsExpiry, TierProgress, TierStatus } from './customers.ts';

const Limit = Nullable(Type.Object({ count: Type.Integer(), period: Type.String() }));

export const StorefrontProgram = Type.Object({
  object: Type.Literal('storefront_program'),
  name: Type.String(),
  slug: Type.String({ description: 'The program’s hosted rewards page is /rewards/{slug}.' }),
  currency: Type.String(),
  default_locale: Type.String(),
  signup_url: Nullable(Type.String()),
  login_url: Nullable(Type.String()),
  store_url: Nullable(Type.String()),
  theme: Type.Object(
    {
      primary_color: Type.Optional(Type.String()),
      text_color: Type.Optional(Type.String()),
      background_color: Type.Optional(Type.String()),
      font_family: Type.Optional(Type.String()),
      radius_px: Type.Optional(Type.Integer()),
      launcher_position: Type.Optional(Type.Union([Type.Literal('start'), Type.Literal('end')])),
      launcher_label: Type.Optional(Type.String()),
      launcher_icon: Type.Optional(Type.Union([Type.Literal('star'), Type.Literal('gift'), Type.Literal('heart'), Type.Literal('crown')])),
    },
    { description: 'The merchant’s theme for the widget (PATCH /v1/program widget_theme).' },
  ),
  texts: Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), { description: 'The merchant’s own texts, by locale and message id, over the built-in ones.' }),
  ways_to_earn: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.Union([Type.Literal('points_per_unit'), Type.Literal('fixed_per_order'), Type.Literal('multiplier'), Type.Literal('action')]),
      event_type: Nullable(Type.String()),
      network: Nullable(Type.String()),
      points: Nullable(Type.Integer()),
      unit_amount: Nullable(Type.Integer()),
      multiplier: Nullable(Type.Number()),
      limit: Limit,
      ends_at: Nullable(Type.String()),
      claimable: Type.Boolean({ description: 'The shopper can claim it from the widget (POST /storefront/v1/me/actions).' }),
    }),
  ),
  rewards: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.String(),
      description: Nullable(Type.String()),
      points_cost: Nullable(Type.Integer()),
      points_per_unit: Nullable(Type.Integer()),
      unit_amount: Nullable(Type.Integer()),
      min_points: Nullable(Type.Integer()),
      max_points: Nullable(Type.Integer()),
      amount: Nullable(Type.Integer()),
      percent: Nullable(Type.Number()),
      min_subtotal: Nullable(Type.Integer()),
      min_tier_id: Nullable(Type.String()),
    }),
  ),
  tiers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), threshold: Type.Integer(), multiplier: Type.Number(), perks: Type.Array(Type.String()) })),
  tier_metric: Type.String(),
  referral: Type.Object({ friend_reward: Nullable(Type.String()), advocate_reward: Nullable(Type.String()), advocate_points: Type.Integer() }),
  membership_plans: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), price: Type.Integer(), interval: Type.String(), perks: Type.Array(Type.String()), earn_multiplier: Type.Number(), join_url: Nullable(Type.String()) })),
  stamp_cards: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), stamps_required: Type.Integer() })),
  challenges: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), goal: Type.String(), target: Type.Integer(), points: Type.Integer() })),
});

export const Shopper = Type.Object({
  object: Type.Literal('shopper'),
  customer_id: Type.String(),
  email: Nullable(Type.String()),
  first_name: Nullable(Type.String()),
  points_balance: Type.Integer(),
  points_pending: Type.Integer(),
  points_reserved: Type.Integer(),
  points_earned_lifetime: Type.Integer(),
  store_credit: Type.Integer(),
  pending: Type.Array(Type.Object({ points: Type.Integer(), available_at: Timestamp })),
  points_expiry: PointsExpiry,
  tier: Nullable(TierStatus),
  tier_progress: Nullable(TierProgress),
  stamp_cards: Type.Array(Type.Object({ card_id: Type.String(), name: Type.String(), stamps: Type.Integer(), stamps_required: Type.Integer(), cards_completed: Type.Integer() })),
  challenges: Type.Array(ChallengeStatus),
  memberships: Type.Array(Type.Object({ plan_id: Type.String(), status: Type.String(), current_period_end: Timestamp, benefits_active: Type.Boolean() })),
  codes: Type.Array(Type.Object({ redemption_id: Type.String(), reward_id: Type.String(), code: Nullable(Type.String()), points: Type.Integer(), expires_at: Nullable(Timestamp) })),
});

export const Activity = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'What happened: earn.purchase, earn.action, redeem.reserve, expire.points, reverse.refund, …' }),
  points: Type.Integer(),
  points_pending: Type.Integer(),
  reference: Type.Object({ type: Type.String(), id: Type.String() }),
  explanation: Type.String(),
  occurred_at: Timestamp,
});

export const ShopperOrder = Type.Object({
  object: Type.Literal('shopper_order'),
  order_id: Type.String({ description: 'The store’s order id.' }),
  points_earned: Type.Integer({ description: 'What the order earned, less what its refunds took back.' }),
  points_pending: Type.Integer({ description: 'Of those, the points still on hold.' }),
  available_at: Nullable(Timestamp),
});

export const ShopperRedemption = Type.Object({
  object: Type.Literal('redemption'),
  id: Type.String(),
  reward_id: Type.String(),
  status: Type.String(),
  code: Nullable(Type.String()),
  points: Type.Integer(),
  expires_at: Nullable(Timestamp),
  points_balance: Type.Integer({ description: 'The shopper’s balance after the redemption.' }),
});

export const ShopperReferral = Type.Object({
  object: Type.Literal('referral_code'),
  code: Type.String(),
  link: Type.String(),
  friends_referred: Type.Integer(),
  friends_completed: Type.Integer(),
  link_visits: Type.Integer({ description: 'How often the link was opened.' }),
});

/** The shopper's side of merchant-funded giving: the causes, their choice, and what they have given. */
export const ShopperGiving = Type.Object({
  object: Type.Literal('shopper_giving'),
  giving: Type.Boolean({ description: 'Whether the program gives on orders now.' }),
  percent: Type.Number({ description: 'Of what each order pays for merchandise.' }),
  fixed: Type.Integer({ description: 'Per order, in minor units.' }),
  currency: Type.String(),
  cause_id: Nullable(Type.String({ description: 'The shopper’s choice; null: the program’s.' })),
  default_cause_id: Nullable(Type.String()),
  causes: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), description: Nullable(Type.String()) })),
  given: Type.Integer({ description: 'What the shopper has given, net of refunds: the program’s giving on their orders and the points they redeemed for causes, in minor units.' }),
});

export const ShopperCauseChoice = Type.Object({ cause_id: Nullable(Type.String({ minLength: 1, maxLength: 64 })) }, { additionalProperties: false });
