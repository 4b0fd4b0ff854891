import { Type } from 'typebox';
import { Body } from '../../platform/http/body.ts';
import { ExternalId, Id, LocaleSchema, Metadata, Nullable, Points, Timestamp } from './common.ts';

export const CustomerKeysInput = Body({
  id: Type.Optional(Id('cus')),
  external_id: Type.Optional(ExternalId),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
});

export const CustomerInput = Body({
  external_id: Type.Optional(ExternalId),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
  first_name: Type.Optional(Type.String({ maxLength: 200 })),
  last_name: Type.Optional(Type.String({ maxLength: 200 })),
  birthday: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD' })),
  marketing_consent: Type.Optional(Type.Boolean()),
  locale: Type.Optional(Nullable(LocaleSchema(), { description: 'The language of the customer’s emails; none: the program’s default_locale.' })),
  time_zone: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'An IANA time zone, e.g. Europe/Paris: quiet hours and dates in emails follow it; none: UTC.' }))),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
  metadata: Type.Optional(Metadata),
  cause_id: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }), { description: 'The cause the program’s giving on their orders goes to (docs/rewards.md#merchant-funded-giving); none: the program’s.' })),
});

export const Customer = Type.Object(
  {
    object: Type.Literal('customer'),
    id: Type.String(),
    external_id: Nullable(Type.String()),
    email: Nullable(Type.String()),
    first_name: Nullable(Type.String()),
    last_name: Nullable(Type.String()),
    birthday: Nullable(Type.String()),
    marketing_consent: Type.Boolean(),
    locale: Nullable(Type.String()),
    time_zone: Nullable(Type.String()),
    tags: Type.Array(Type.String()),
    metadata: Metadata,
    cause_id: Nullable(Type.String()),
    points_balance: Type.Integer({ description: 'Available points: what the customer can spend now.' }),
    points_pending: Type.Integer({ description: 'Points on hold until the return window of their order ends.' }),
    points_reserved: Type.Integer({ description: 'Points reserved by redemptions whose codes are not yet used.' }),
    store_credit: Type.Integer({ description: 'Store credit balance, in minor units of `currency`.' }),
    store_credit_pending: Type.Integer({ description: 'Store credit (cashback) on hold until the return window ends, in minor units.' }),
    tier_id: Nullable(Type.String()),
    in_holdout: Type.Boolean({ description: 'Kept out of the program as part of the control group: earns nothing.' }),
    points_earned_lifetime: Points,
    orders_count: Type.Integer(),
    total_spent: Type.Integer({ description: 'Net of refunds and cancellations, in minor units of `currency`.' }),
    currency: Type.String(),
    first_order_at: Nullable(Timestamp),
    last_order_at: Nullable(Timestamp),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
);

const Expiry = Type.Object({ points: Type.Integer(), expires_at: Timestamp });

export const TierStatus = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    since: Nullable(Timestamp),
    until: Nullable(Timestamp),
    earn_multiplier: Type.Number(),
    perks: Type.Array(Type.String()),
    downgrade_on: Nullable(Timestamp),
  },
  { description: 'The tier, since when, until when it holds without more activity (none: for good), and the downgrade date when in grace.' },
);

export const TierProgress = Type.Object(
  {
    next_tier_id: Type.String(),
    next_tier_name: Type.String(),
    metric: Type.String(),
    current: Type.Integer(),
    needed: Type.Integer(),
    by: Nullable(Timestamp),
  },
  { description: 'What the next tier still needs, and by when (calendar-year programs).' },
);

export const ChallengeStatus = Type.Object({
  challenge_id: Type.String(),
  name: Type.String(),
  goal: Type.String(),
  target: Type.Integer(),
  count: Type.Integer(),
  completions: Type.Integer(),
  done: Type.Boolean(),
  window_ends: Nullable(Timestamp),
});

export const PointsExpiry = Type.Object(
  {
    policy: Type.Union([Type.Literal('none'), Type.Literal('fixed'), Type.Literal('inactivity')]),
    next: Nullable(Expiry),
    lots: Type.Array(Type.Object({ points: Type.Integer(), earned_at: Timestamp, expires_at: Timestamp }), { description: 'Fixed policy: each lot still holding points.' }),
  },
  { description: 'When the available points expire under the program policy (on the single-customer read).' },
);

export const CustomerWithExpiry = Type.Object({
  ...Customer.properties,
  tier: Nullable(TierStatus),
  tier_progress: Nullable(TierProgress),
  lifecycle_stage: Nullable(
    Type.Union(['new', 'one_time', 'repeat', 'loyal', 'at_risk', 'lapsed'].map((s) => Type.Literal(s)), { description: 'Lifecycle stage with the default thresholds of the retention report; none before a first order.' }),
  ),
  rfm_segment: Nullable(Type.String({ description: 'RFM segment among the program\'s customers (champions, loyal, … lost); quintiles refreshed every ten minutes.' })),
  stamp_cards: Type.Array(
    Type.Object({ card_id: Type.String(), name: Type.String(), stamps: Type.Integer(), stamps_required: Type.Integer(), cards_completed: Type.Integer() }),
    { description: 'Progress on each stamp card: stamps on the card in progress, and full cards so far.' },
  ),
  challenges: Type.Array(ChallengeStatus, { description: 'Progress on each active challenge.' }),
  points_expiry: PointsExpiry,
  profile: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]), { description: 'The customer’s answers to the profile questions, by question key (docs/profile-questions.md).' }),
});
