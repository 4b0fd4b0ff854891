import { invalidRequest } from '../platform/errors.ts';

/**
 * Earning rules are data. `points_per_unit`, `fixed_per_order` and `multiplier` rules apply to
 * purchases; `action` rules to events (sign-up, birthday, review, custom types, …).
 */
export type RuleType = 'points_per_unit' | 'fixed_per_order' | 'multiplier' | 'action';
export type LimitPeriod = 'day' | 'week' | 'month' | 'year' | 'lifetime';
export type EarningBase = 'subtotal_after_discounts' | 'subtotal' | 'total';

export interface RuleLimit {
  count: number;
  period: LimitPeriod;
}

export interface ProductFilters {
  include_products?: string[];
  exclude_products?: string[];
  include_collections?: string[];
  exclude_collections?: string[];
  include_tags?: string[];
  exclude_tags?: string[];
}

export interface RuleDefinition extends ProductFilters {
  /** points_per_unit: points per `unit_amount`; fixed_per_order and action: points awarded. */
  points?: number;
  /** points_per_unit: the spend, in minor units, that earns `points` (default: one currency unit). */
  unit_amount?: number;
  base?: EarningBase;
  /** multiplier: factor with at most two decimals, applied to the other purchase rules' points. */
  multiplier?: number;
  min_spend?: number;
  event_type?: string;
  network?: string;
  starts_at?: string;
  ends_at?: string;
  limit?: RuleLimit;
  hold_days?: number;
  /** Purchase rules: only orders of this store (a coalition's stores can each have their own earn rate). */
  store_id?: string;
  /** Only customers in this segment (docs/segments.md) when they order or act: "double points for champions". */
  segment_id?: string;
  metadata?: Record<string, string>;
}

export interface EarningRule extends RuleDefinition {
  id: string;
  name: string;
  type: RuleType;
  active: boolean;
}

/** Event types with a meaning in the engine; any other lower-case name is a custom event. */
export const BUILT_IN_EVENTS = [
  'signup',
  'birthday',
  'profile_completed',
  'social_follow',
  'social_share',
  'review',
  'newsletter_signup',
  'survey_answered',
] as const;

export function defaultEarningRule(): { name: string; type: RuleType; definition: RuleDefinition } {
  return { name: '1 point per currency unit spent', type: 'points_per_unit', definition: { points: 1, base: 'subtotal_after_discounts' } };
}

/** Checks what JSON Schema cannot: which fields each type needs and allows. */
/** Whether the rule's segment (if it has one) holds for the customer: `segments` are those the customer is in, of the rules' segments. */
export const inRuleSegment = (rule: EarningRule, segments: ReadonlySet<string>) => !rule.segment_id || segments.has(rule.segment_id);

/** The segments the rules ask about, to look up once per customer. */
export const ruleSegments = (rules: EarningRule[]) => [...new Set(rules.flatMap((r) => (r.segment_id ? [r.segment_id] : [])))];

export function validateRule(type: RuleType, d: RuleDefinition): void {
  const need = (field: keyof RuleDefinition) => {
    if (d[field] === undefined) throw invalidRequest('parameter_missing', `${field} is required for ${type} rules.`, field);
  };
  const forbid = (fields: (keyof RuleDefinition)[]) => {
    const present = fields.find((f) => d[f] !== undefined);
    if (present) throw invalidRequest('parameter_unknown', `${present} does not apply to ${type} rules.`, present);
  };
  const purchaseOnly: (keyof RuleDefinition)[] = ['unit_amount', 'base', 'min_spend', 'include_products', 'exclude_products', 'include_collections', 'exclude_collections', 'include_tags', 'exclude_tags'];
  if (type === 'points_per_unit') {
    need('points');
    forbid(['multiplier', 'event_type', 'network']);
  } else if (type === 'fixed_per_order') {
    need('points');
    forbid(['multiplier', 'event_type', 'network', 'unit_amount']);
  } else if (type === 'multiplier') {
    need('multiplier');
    forbid(['points', 'event_type', 'network', 'limit', 'hold_days', 'unit_amount']);
    if (Math.round(d.multiplier! * 100) !== d.multiplier! * 100 || d.multiplier! <= 0) {
      throw invalidRequest('parameter_invalid', 'multiplier must be positive with at most two decimals.', 'multiplier');
    }
  } else {
    need('points');
    need('event_type');
    forbid([...purchaseOnly, 'multiplier', 'store_id']);
    if (d.network !== undefined && d.event_type !== 'social_follow' && d.event_type !== 'social_share') {
      throw invalidRequest('parameter_unknown', 'network applies to social_follow and social_share rules.', 'network');
    }
  }
  if (d.starts_at && d.ends_at && Date.parse(d.starts_at) >= Date.parse(d.ends_at)) {
    throw invalidRequest('parameter_invalid', 'ends_at must be after starts_at.', 'ends_at');
  }
}

/** Whether a rule is in force at an instant (its active flag and date window). */
export function ruleInForce(rule: EarningRule, at: Date): boolean {
  if (!rule.active) return false;
  if (rule.starts_at && at.getTime() < Date.parse(rule.starts_at)) return false;
  if (rule.ends_at && at.getTime() >= Date.parse(rule.ends_at)) return false;
  return true;
}
