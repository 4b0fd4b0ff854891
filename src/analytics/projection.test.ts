import { describe, expect, it } from 'vitest';
import { projectRevenue } from './projection.ts';

describe('retention projection', () => {
  const base = { activeCustomers: 1000, monthlyRetention: 0.3, newCustomersPerMonth: 200, ordersPerActiveCustomer: 1.2, averageOrderValue: 5000 };

  it('rolls the active customers forward month by month', () => {
    expect(projectRevenue(base, 2)).toEqual([
      { month: 1, active: 500, revenue: 3_000_000 },
      { month: 2, active: 350, revenue: 2_100_000 },
    ]);
  });

  it('keeping 5 points more of the customers is worth more every month', () => {
    const now = projectRevenue(base, 12);
    const better = projectRevenue(base, 12, 0.05);
    expect(better.every((m, i) => m.revenue > now[i]!.revenue)).toBe(true);
    expect(now.at(-1)!.active).toBe(286);
    expect(better.at(-1)!.active).toBe(308);
  });
});
