import { Type } from 'typebox';
import { Body } from '../../platform/http/body.ts';
import { Id, Nullable, Timestamp } from './common.ts';

const Metric = Type.Union([Type.Literal('redemption_rate'), Type.Literal('repeat_rate'), Type.Literal('revenue_per_customer')], {
  description: 'redemption_rate: members who redeemed (the variant’s reward, or any for a rule); repeat_rate: members who ordered; revenue_per_customer: their orders net of refunds, per member (minor units); each within `days` of the start.',
});

const Variant = Body({
  name: Type.String({ minLength: 1, maxLength: 100, description: '"$10 credit", "10% off".' }),
  reward_id: Type.Optional(Id('rwd', 'A reward only this variant’s members may redeem while the experiment runs.')),
  earning_rule_id: Type.Optional(Id('rule', 'Or an earning rule that earns only for this variant’s members while it runs.')),
});

export const ExperimentCreate = Body({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  segment_id: Type.Optional(Id('seg', 'The audience: the segment’s customers when it starts; every customer without it.')),
  variants: Type.Array(Variant, { minItems: 2, maxItems: 5, description: 'The first is the one the others are compared against.' }),
  split: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 99 }), { minItems: 2, maxItems: 5, description: 'Percent of the audience in each variant, adding up to 100; even by default.' })),
  metric: Metric,
  days: Type.Integer({ minimum: 1, maximum: 365, description: 'How long after the start the metric counts.' }),
});

const Interval = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: 'The 95% confidence interval.' });

export const Experiment = Type.Object({
  object: Type.Literal('experiment'),
  id: Type.String({ description: '`exp_…`' }),
  name: Type.String(),
  segment_id: Nullable(Type.String()),
  split: Type.Array(Type.Integer()),
  metric: Metric,
  days: Type.Integer(),
  status: Type.Union([Type.Literal('running'), Type.Literal('stopped')]),
  members: Type.Integer({ description: 'Customers in it, fixed when it started.' }),
  started_at: Timestamp,
  stopped_at: Nullable(Timestamp),
  window: Type.Object({ from: Timestamp, to: Timestamp, complete: Type.Boolean({ description: 'Whether all `days` have passed (else the figures are so far).' }) }),
  variants: Type.Array(
    Type.Object({
      name: Type.String(),
      reward_id: Type.Optional(Type.String()),
      earning_rule_id: Type.Optional(Type.String()),
      members: Type.Integer(),
      value: Type.Number({ description: 'The metric: a share (0 to 1), or minor units per member.' }),
      ci95: Interval,
      lift: Nullable(Type.Object({ difference: Type.Number({ description: 'This variant’s value less the first’s.' }), ci95: Interval }), { description: 'null for the first variant.' }),
    }),
  ),
});
