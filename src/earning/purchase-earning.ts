import type { LineItem } from '../platform/db/schema.ts';
import { formatMoney, minorPerUnit, mulDivFloor } from '../platform/money.ts';
import { withinLimit, type Award, type RuleUsage } from './award.ts';
import { inRuleSegment, ruleInForce, type EarningBase, type EarningRule, type ProductFilters } from './rules.ts';

/** What the earning rules look at in an order; money in minor units. */
export interface PurchaseFacts {
  /** The store the order was placed at; rules of other stores do not apply. */
  store_id?: string;
  currency: string;
  subtotal: number;
  total: number;
  discount: number;
  line_items: LineItem[];
  placed_at: Date;
}

const BASE_LABEL: Record<EarningBase, string> = {
  subtotal_after_discounts: 'subtotal after discounts',
  subtotal: 'subtotal',
  total: 'total',
};

/** A multiplier the customer enjoys when the order is placed: their VIP tier's, a paid membership's. */
export interface Bonus {
  name: string;
  multiplier_hundredths: number;
}

/**
 * The points an order earns: each `points_per_unit` and `fixed_per_order` rule in force gives an
 * award; the highest `multiplier` in force then scales every award, and the customer's bonuses
 * (tier, membership) after it, in turn. All rounding is down.
 */
export function evaluatePurchase(rules: EarningRule[], order: PurchaseFacts, usage: RuleUsage, bonuses: Bonus[] = [], segments: ReadonlySet<string> = new Set()): Award[] {
  const inForce = rules.filter((r) => ruleInForce(r, order.placed_at) && withinLimit(r, usage) && (!r.store_id || r.store_id === order.store_id) && inRuleSegment(r, segments));
  const multiplier = bestMultiplier(inForce.filter((r) => r.type === 'multiplier' && eligibleBase(r, order) !== undefined));
  const awards: Award[] = [];
  for (const rule of inForce) {
    const award = rule.type === 'points_per_unit' || rule.type === 'fixed_per_order' ? baseAward(rule, order) : undefined;
    if (!award) continue;
    const campaign = multiplier ? applyMultiplier(award, { hundredths: Math.round(multiplier.multiplier! * 100), label: `${multiplier.multiplier} ${multiplier.name}`, ruleId: multiplier.id }) : award;
    const scaled = bonuses.reduce((a, b) => applyMultiplier(a, { hundredths: b.multiplier_hundredths, label: `${b.multiplier_hundredths / 100} ${b.name}` }), campaign);
    if (scaled.points > 0) awards.push(rule.segment_id ? { ...scaled, explanation: { ...scaled.explanation, inputs: { ...scaled.explanation.inputs, segment_id: rule.segment_id } } } : scaled);
  }
  return awards;
}

function baseAward(rule: EarningRule, order: PurchaseFacts): Award | undefined {
  const base = eligibleBase(rule, order);
  if (base === undefined) return undefined;
  const money = (minor: number) => formatMoney(minor, order.currency);
  const label = `${base.share ? 'eligible items of the ' : ''}${BASE_LABEL[rule.base ?? 'subtotal_after_discounts']}`;
  const common = { rule_id: rule.id, rule_name: rule.name, hold_days: rule.hold_days ?? 0 };
  if (rule.type === 'fixed_per_order') {
    const points = rule.points!;
    return { ...common, points, explanation: { summary: `${points} points per order (${rule.name})`, inputs: { base_amount: base.amount, ...base.share } } };
  }
  const unit = rule.unit_amount ?? minorPerUnit(order.currency);
  const points = mulDivFloor(base.amount, rule.points!, unit);
  return {
    ...common,
    points,
    explanation: {
      summary: `${rule.points} point${rule.points === 1 ? '' : 's'} per ${money(unit)} on ${money(base.amount)} ${label} = ${points} (rounded down)`,
      inputs: { base: rule.base ?? 'subtotal_after_discounts', base_amount: base.amount, points_per_unit: rule.points, unit_amount: unit, ...base.share },
    },
  };
}

/**
 * The amount a purchase rule earns on, or undefined when the order does not qualify. With
 * product filters, the base is the eligible lines' share of it (discounts spread pro rata).
 */
function eligibleBase(rule: EarningRule, order: PurchaseFacts): { amount: number; share?: Record<string, number> } | undefined {
  const whole = baseAmount(rule.base ?? 'subtotal_after_discounts', order);
  let amount = whole;
  let share: Record<string, number> | undefined;
  if (hasFilters(rule)) {
    const linesTotal = sum(order.line_items.map(lineAmount));
    const eligible = sum(order.line_items.filter((l) => lineMatches(rule, l)).map(lineAmount));
    if (eligible === 0 || linesTotal === 0) return undefined;
    amount = mulDivFloor(whole, eligible, linesTotal);
    share = { eligible_lines_amount: eligible, all_lines_amount: linesTotal };
  }
  if (rule.min_spend !== undefined && amount < rule.min_spend) return undefined;
  return { amount, ...(share ? { share } : {}) };
}

function baseAmount(base: EarningBase, order: PurchaseFacts): number {
  if (base === 'subtotal') return order.subtotal;
  if (base === 'total') return order.total;
  return Math.max(0, order.subtotal - order.discount);
}

function bestMultiplier(rules: EarningRule[]): EarningRule | undefined {
  return rules.reduce<EarningRule | undefined>((best, r) => (!best || r.multiplier! > best.multiplier! ? r : best), undefined);
}

function applyMultiplier(award: Award, m: { hundredths: number; label: string; ruleId?: string }): Award {
  const points = mulDivFloor(award.points, m.hundredths, 100);
  const input = m.ruleId ? { multiplier: m.hundredths / 100, multiplier_rule_id: m.ruleId } : { tier_multiplier: m.hundredths / 100 };
  return {
    ...award,
    points,
    explanation: { summary: `${award.explanation.summary}; × ${m.label} = ${points}`, inputs: { ...award.explanation.inputs, ...input } },
  };
}

function hasFilters(f: ProductFilters): boolean {
  return [f.include_products, f.exclude_products, f.include_collections, f.exclude_collections, f.include_tags, f.exclude_tags].some(
    (list) => list !== undefined && list.length > 0,
  );
}

/** A line is eligible when it matches every include list given and no exclude list. */
export function lineMatches(f: ProductFilters, line: LineItem): boolean {
  const products = [line.product_id, ...(line.variant_id ? [line.variant_id] : [])];
  const collections = line.collections ?? [];
  const tags = line.tags ?? [];
  const included = (list: string[] | undefined, values: string[]) => !list?.length || values.some((v) => list.includes(v));
  const excluded = (list: string[] | undefined, values: string[]) => !!list?.length && values.some((v) => list.includes(v));
  return (
    included(f.include_products, products) &&
    included(f.include_collections, collections) &&
    included(f.include_tags, tags) &&
    !excluded(f.exclude_products, products) &&
    !excluded(f.exclude_collections, collections) &&
    !excluded(f.exclude_tags, tags)
  );
}

export function lineAmount(line: LineItem): number {
  return line.quantity * line.unit_price;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
