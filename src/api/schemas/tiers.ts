import { Type } from 'typebox';
import { Body, optional } from '../../platform/http/body.ts';
import { Nullable, Timestamp } from './common.ts';

const tierFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  threshold: Type.Integer({ minimum: 0, maximum: 1e13, description: 'The metric a customer needs in the qualification period (minor units for amount spent).' }),
  retain_threshold: Nullable(Type.Integer({ minimum: 0, maximum: 1e13, description: 'A lower metric that keeps the tier once reached; none means the threshold.' })),
  earn_multiplier: Type.Number({ minimum: 1, maximum: 100, description: 'Multiplies what purchase rules award (two decimals at most).' }),
  entry_reward_id: Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'A fixed-cost reward issued free the first time a customer reaches the tier.' })),
  birthday_points: Type.Integer({ minimum: 0, maximum: 1e9, description: 'Points on top of the birthday rules.' }),
  perks: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50, description: 'Benefits in words, for the widget.' }),
  cashback_percent: Nullable(Type.Number({ minimum: 0, maximum: 100, description: "Cashback for the tier's members (two decimals at most); none means the program's rate." })),
};

const { name, threshold, ...rest } = tierFields;
export const TierCreate = Body({ name, threshold, ...optional(rest) });
export const TierUpdate = Body({ ...optional(tierFields) });

export const TierObject = Type.Object({
  object: Type.Literal('tier'),
  id: Type.String(),
  ...tierFields,
  status: Type.Union([Type.Literal('active'), Type.Literal('archived')]),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const TierChange = Type.Object({
  object: Type.Literal('tier_change'),
  id: Type.String(),
  from_tier_id: Nullable(Type.String()),
  to_tier_id: Nullable(Type.String()),
  reason: Type.Union([Type.Literal('qualified'), Type.Literal('period_ended'), Type.Literal('refund'), Type.Literal('recalculation'), Type.Literal('imported')]),
  cause: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  metric_value: Type.Integer(),
  created_at: Timestamp,
});

export const Recalculation = Type.Object({
  object: Type.Literal('tier_recalculation'),
  id: Nullable(Type.String({ description: 'None for a dry run.' })),
  dry_run: Type.Boolean(),
  status: Type.Union([Type.Literal('preview'), Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  customers: Type.Integer(),
  processed: Type.Integer(),
  moved_up: Type.Integer(),
  moved_down: Type.Integer(),
  summary: Type.String(),
});
