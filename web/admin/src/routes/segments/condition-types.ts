// The kinds of condition a segment is made of, in the order the dashboard offers them: their
// names, what a new one of each starts as, and whether one is filled in enough to be counted.
import type { ConditionOf, ConditionType, SegmentCondition } from '../../hooks/api/segments.ts';

export const CONDITION_TYPES: ConditionType[] = ['rfm_segment', 'lifecycle_stage', 'tier', 'orders', 'spend', 'bought', 'points_balance', 'tags', 'locale', 'holdout', 'profile_answer', 'predicted_clv', 'p_alive'];

/** The API takes at most this many conditions in a segment. */
export const MAX_CONDITIONS = 20;

export const LOCALES: ConditionOf<'locale'>['in'] = ['en', 'ar', 'fa', 'zh-Hans', 'zh-Hant'];
export const STAGES: ConditionOf<'lifecycle_stage'>['in'] = ['new', 'one_time', 'repeat', 'loyal', 'at_risk', 'lapsed'];

/** Each type's name, as an i18n key. */
export const TYPE_LABELS: Record<ConditionType, string> = {
  rfm_segment: 'segments.types.rfm_segment',
  lifecycle_stage: 'segments.types.lifecycle_stage',
  tier: 'segments.types.tier',
  orders: 'segments.types.orders',
  spend: 'segments.types.spend',
  bought: 'segments.types.bought',
  points_balance: 'segments.types.points_balance',
  tags: 'segments.types.tags',
  locale: 'segments.types.locale',
  holdout: 'segments.types.holdout',
  profile_answer: 'segments.types.profile_answer',
  predicted_clv: 'segments.types.predicted_clv',
  p_alive: 'segments.types.p_alive',
};

/** A new condition of a type, with nothing chosen yet (the holdout's members, to start). */
export function blankCondition(type: ConditionType): SegmentCondition {
  switch (type) {
    case 'tier':
      return { type, tier_ids: [] };
    case 'rfm_segment':
    case 'lifecycle_stage':
    case 'locale':
      return { type, in: [] };
    case 'tags':
      return { type, any_of: [] };
    case 'holdout':
      return { type, in_holdout: true };
    case 'profile_answer':
      return { type, op: 'is', values: [] };
    case 'predicted_clv':
      return { type, deciles: [] };
    default:
      return { type };
  }
}

/**
 * Whether the API would count a condition as it is. One that is not is still sent when saving
 * (the API's error then shows beside it), but not to the live count.
 */
export function isComplete(c: SegmentCondition): boolean {
  switch (c.type) {
    case 'tier':
      return c.tier_ids.length > 0;
    case 'rfm_segment':
    case 'lifecycle_stage':
    case 'locale':
      return c.in.length > 0;
    case 'tags':
      return c.any_of.length > 0;
    case 'orders':
    case 'spend':
    case 'points_balance':
    case 'p_alive':
      return c.at_least !== undefined || c.at_most !== undefined;
    case 'predicted_clv':
      return c.deciles.length > 0;
    case 'bought':
      return Boolean(c.product_ids?.length || c.collections?.length);
    case 'holdout':
      return true;
    case 'profile_answer':
      return Boolean(c.key ?? c.question_id) && (c.op === 'answered' || c.op === 'not_answered' || Boolean(c.values?.length));
  }
}
