import { describe, expect, it } from 'vitest';
import type { LineItem } from '../platform/db/schema.ts';
import { evaluatePurchase, type PurchaseFacts } from './purchase-earning.ts';
import type { EarningRule } from './rules.ts';

const perDollar: EarningRule = { id: 'rule_base', name: 'Base', type: 'points_per_unit', active: true, points: 1 };
const line = (product_id: string, unit_price: number, extra: Partial<LineItem> = {}): LineItem => ({ product_id, title: product_id, quantity: 1, unit_price, ...extra });

const order = (overrides: Partial<PurchaseFacts> = {}): PurchaseFacts => ({
  currency: 'USD',
  subtotal: 5400,
  total: 5900,
  discount: 0,
  line_items: [line('mug', 5400)],
  placed_at: new Date('2026-06-06T10:00:00Z'),
  ...overrides,
});

const points = (rules: EarningRule[], facts = order(), usage = new Map<string, number>()) =>
  evaluatePurchase(rules, facts, usage).map((a) => a.points);

describe('purchase earning rules', () => {
  it.each([
    ['1 per dollar on 54.00', { points: 1 }, order(), 54],
    ['rounds down: 54.99 → 54', { points: 1 }, order({ subtotal: 5499 }), 54],
    ['2 per dollar on 54.99 → 109 (floor of the exact product)', { points: 2 }, order({ subtotal: 5499 }), 109],
    ['1 per 10.00 on 54.00 → 5', { points: 1, unit_amount: 1000 }, order(), 5],
    ['on the total when chosen', { points: 1, base: 'total' as const }, order(), 59],
    ['on the subtotal before discounts when chosen', { points: 1, base: 'subtotal' as const }, order({ discount: 1000 }), 54],
    ['default base deducts discounts', { points: 1 }, order({ discount: 1000 }), 44],
    ['a discount larger than the subtotal earns nothing', { points: 1 }, order({ discount: 9000 }), undefined],
    ['JPY has no minor unit: 1 per yen unit', { points: 1, unit_amount: 100 }, order({ currency: 'JPY', subtotal: 5400 }), 54],
  ])('%s', (_name, rule, facts, expected) => {
    const result = points([{ ...perDollar, ...rule }], facts);
    expect(result[0]).toBe(expected);
  });

  it('states the arithmetic and rounding in the explanation', () => {
    const [award] = evaluatePurchase([{ ...perDollar, points: 2 }], order({ subtotal: 5499 }), new Map());
    expect(award!.explanation.summary).toBe('2 points per 1.00 USD on 54.99 USD subtotal after discounts = 109 (rounded down)');
    expect(award!.explanation.inputs).toMatchObject({ base_amount: 5499, points_per_unit: 2, unit_amount: 100 });
  });

  it('uses the currency minor unit by default (JPY: 1 point per yen)', () => {
    expect(points([perDollar], order({ currency: 'JPY', subtotal: 5400 }))).toEqual([5400]);
  });

  it('fixed points per order, above a minimum spend', () => {
    const fixed: EarningRule = { id: 'rule_fixed', name: 'Order bonus', type: 'fixed_per_order', active: true, points: 25, min_spend: 5000 };
    expect(points([fixed])).toEqual([25]);
    expect(points([fixed], order({ subtotal: 4999 }))).toEqual([]);
  });

  it('only eligible lines earn when products, collections or tags are filtered, discount spread pro rata', () => {
    const facts = order({
      subtotal: 10000,
      discount: 1000,
      line_items: [line('coffee', 6000, { collections: ['beans'] }), line('giftcard', 4000, { tags: ['gift-card'] })],
    });
    expect(points([{ ...perDollar, exclude_tags: ['gift-card'] }], facts)).toEqual([54]);
    expect(points([{ ...perDollar, include_collections: ['beans'] }], facts)).toEqual([54]);
    expect(points([{ ...perDollar, include_products: ['giftcard'] }], facts)).toEqual([36]);
    expect(points([{ ...perDollar, include_products: ['nothing'] }], facts)).toEqual([]);
  });

  it('a multiplier in its window scales the other rules and says so', () => {
    const weekend: EarningRule = { id: 'rule_x2', name: 'Double points weekend', type: 'multiplier', active: true, multiplier: 2, starts_at: '2026-06-06T00:00:00Z', ends_at: '2026-06-08T00:00:00Z' };
    const [award] = evaluatePurchase([perDollar, weekend], order(), new Map());
    expect(award!.points).toBe(108);
    expect(award!.explanation.summary).toContain('× 2 Double points weekend = 108');
    expect(points([perDollar, weekend], order({ placed_at: new Date('2026-06-08T00:00:00Z') }))).toEqual([54]);
  });

  it('takes the highest multiplier in force, with two decimals rounded down', () => {
    const a: EarningRule = { id: 'rule_a', name: 'x1.5', type: 'multiplier', active: true, multiplier: 1.5 };
    const b: EarningRule = { id: 'rule_b', name: 'x1.25', type: 'multiplier', active: true, multiplier: 1.25 };
    expect(points([perDollar, a, b], order({ subtotal: 5500 }))).toEqual([82]);
  });

  it('respects date windows, the active flag and per-customer limits', () => {
    const later: EarningRule = { ...perDollar, starts_at: '2026-07-01T00:00:00Z' };
    expect(points([later])).toEqual([]);
    expect(points([{ ...perDollar, active: false }])).toEqual([]);
    const limited: EarningRule = { ...perDollar, limit: { count: 2, period: 'month' } };
    expect(points([limited], order(), new Map([['rule_base', 1]]))).toEqual([54]);
    expect(points([limited], order(), new Map([['rule_base', 2]]))).toEqual([]);
  });

  it('several base rules each award', () => {
    const fixed: EarningRule = { id: 'rule_fixed', name: 'Bonus', type: 'fixed_per_order', active: true, points: 10 };
    expect(points([perDollar, fixed])).toEqual([54, 10]);
  });
});
