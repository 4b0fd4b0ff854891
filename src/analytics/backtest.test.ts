import { describe, expect, it } from 'vitest';
import { backtest, type PastOrder } from './backtest.ts';

const order = (customer_id: string, day: string, subtotal: number): PastOrder => ({ customer_id, currency: 'USD', subtotal, total: subtotal, discount: 0, line_items: [], placed_at: new Date(`${day}T12:00:00Z`) });

describe('backtest of a draft program', () => {
  const orders = [order('a', '2026-01-05', 10000), order('a', '2026-01-20', 10000), order('b', '2026-01-10', 5000), order('a', '2026-02-03', 5000), order('b', '2026-03-15', 5000)];

  it('issues points under the draft rules, with tier multipliers once reached', () => {
    const r = backtest({ earning_rules: [{ name: 'Base', type: 'points_per_unit', points: 1 }], tiers: [{ name: 'Gold', threshold: 150, earn_multiplier: 2 }] }, orders);
    // a: 100, 100 (reaches Gold at 200), then 50 × 2 = 100; b: 50, 50.
    expect(r.points_issued).toBe(400);
    expect(r.customers_per_tier).toEqual({ Gold: 1, 'no tier': 1 });
    expect(r.by_month.map((m) => [m.month, m.issued])).toEqual([['2026-01', 250], ['2026-02', 100], ['2026-03', 50]]);
    expect(r.points_outstanding).toBe(400);
  });

  it('typical redemptions and expiry bring the liability down', () => {
    const r = backtest({ earning_rules: [{ name: 'Base', type: 'points_per_unit', points: 1 }], expiry_days: 40, typical_redemption_rate: 0.5, reward_points_cost: 50, point_cost_per_1000: 10 }, orders);
    expect(r.by_month[0]).toMatchObject({ month: '2026-01', issued: 250, redeemed: 100 });
    expect(r.points_issued).toBe(r.points_redeemed_if_typical + r.points_expired + r.points_outstanding);
    expect(r.points_expired).toBeGreaterThan(0);
    expect(r.liability).toBe(Math.floor((r.points_outstanding * 10) / 1000));
  });

  it('refuses drafts the engine would refuse', () => {
    expect(() => backtest({ earning_rules: [] }, orders)).toThrow(/earning_rules/);
    expect(() => backtest({ earning_rules: [{ name: 'x', type: 'points_per_unit' }] }, orders)).toThrow(/points is required/);
    expect(() => backtest({ earning_rules: [{ name: 'x', type: 'action', event_type: 'review', points: 5 }] }, orders)).toThrow(/action rules/);
  });
});
