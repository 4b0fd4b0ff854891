import { Type, type TLiteral, type TProperties } from 'typebox';
import { Body } from '../../platform/http/body.ts';
import { LifecycleStageSchema, LocaleSchema, RfmSegmentSchema, Timestamp } from './common.ts';

const Strings = (description: string) => Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { minItems: 1, maxItems: 500, description });
const Count = (description: string) => Type.Optional(Type.Integer({ minimum: 0, maximum: 1e13, description }));
const WithinDays = Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Only the last this many days (default: ever).' }));
const condition = <T extends string, P extends TProperties>(type: T, fields: P, description: string) => Body({ type: Type.Literal(type), ...fields } as { type: TLiteral<T> } & P, { description });

export const SegmentCondition = Type.Union([
  condition('tier', { tier_ids: Strings('Tier ids; `none` for customers in no tier.') }, 'In one of these tiers.'),
  condition('rfm_segment', { in: Type.Array(RfmSegmentSchema(), { minItems: 1, maxItems: 11 }) }, 'In one of these RFM segments today (the customer read’s `rfm_segment`).'),
  condition('lifecycle_stage', { in: Type.Array(LifecycleStageSchema(), { minItems: 1, maxItems: 6 }) }, 'In one of these lifecycle stages today.'),
  condition('tags', { any_of: Strings('Customer tags.') }, 'Tagged with any of these.'),
  condition('orders', { at_least: Count('Orders, at least.'), at_most: Count('Orders, at most.'), within_days: WithinDays }, 'Orders placed (not cancelled), ever or in the last days.'),
  condition('spend', { at_least: Count('Minor units, at least.'), at_most: Count('Minor units, at most.'), within_days: WithinDays }, 'Spent (less refunds), ever or in the last days, in minor units.'),
  condition('bought', { product_ids: Type.Optional(Strings('Product or variant ids of the line items.')), collections: Type.Optional(Strings('Collections of the line items.')), within_days: WithinDays }, 'Bought one of these products or from one of these collections.'),
  condition('points_balance', { at_least: Count('Points, at least.'), at_most: Count('Points, at most.') }, 'Available points.'),
  condition('locale', { in: Type.Array(LocaleSchema(), { minItems: 1, maxItems: 5 }) }, 'The customer’s language.'),
  condition('holdout', { in_holdout: Type.Boolean() }, 'In the program’s holdout group (true) or not (false).'),
  condition('predicted_clv', { deciles: Type.Array(Type.Integer({ minimum: 1, maximum: 10 }), { minItems: 1, maxItems: 10, uniqueItems: true, description: '1: the top 10% by predicted CLV over the next year, … 10: the bottom 10%.' }) }, 'In these deciles of predicted customer lifetime value (BG/NBD + Gamma-Gamma, as /v1/analytics/clv; refit every ten minutes).'),
  condition('p_alive', { at_least: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })), at_most: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: '“Slipping away”: P(alive) at most 0.3.' })) }, 'The probability (0 to 1) that the customer is still a customer (BG/NBD).'),
  condition(
    'profile_answer',
    {
      question_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The profile question (`pq_…`), or name it by `key`.' })),
      key: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'The question’s key, such as `skin_type`.' })),
      op: Type.Union([Type.Literal('is'), Type.Literal('is_not'), Type.Literal('includes'), Type.Literal('answered'), Type.Literal('not_answered')], {
        description: '`is`: the answer is one of `values` (a multiple choice: exactly them); `is_not`: answered, and none of them; `includes`: chose one of them (a text: contains one); `answered`, `not_answered`.',
      }),
      values: Type.Optional(Strings('Option values, dates (YYYY-MM-DD) or texts, for is, is_not and includes.')),
    },
    'The answer to a profile question (docs/profile-questions.md).',
  ),
]);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  match: Type.Union([Type.Literal('all'), Type.Literal('any')], { description: '`all`: every condition holds; `any`: at least one does.' }),
  conditions: Type.Array(SegmentCondition, { maxItems: 20, description: 'No conditions: every customer.' }),
};

export const SegmentCreate = Body(fields);
export const SegmentUpdate = Body({ name: Type.Optional(fields.name), match: Type.Optional(fields.match), conditions: Type.Optional(fields.conditions) });

export const Segment = Type.Object({
  object: Type.Literal('segment'),
  id: Type.String({ description: '`seg_…`' }),
  ...fields,
  count: Type.Integer({ description: 'Customers in the segment now (evaluated on each read).' }),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const SegmentPreview = Type.Object({ object: Type.Literal('segment_preview'), count: Type.Integer() });
