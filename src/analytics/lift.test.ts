import { describe, expect, it } from 'vitest';
import { lift } from './lift.ts';

describe('lift against the holdout group', () => {
  it('differences with 95% confidence intervals', () => {
    const members = { customers: 1000, repeat_customers: 300, revenue: 5_000_000, revenue_squares: 1000 * 5000 ** 2 + 999 * 2000 ** 2 };
    const holdout = { customers: 500, repeat_customers: 100, revenue: 2_000_000, revenue_squares: 500 * 4000 ** 2 + 499 * 2000 ** 2 };
    const l = lift(members, holdout);
    expect(l.repeat_rate_lift.difference).toBeCloseTo(0.1, 10);
    const se = Math.sqrt((0.3 * 0.7) / 1000 + (0.2 * 0.8) / 500);
    expect(l.repeat_rate_lift.ci95[0]).toBeCloseTo(0.1 - 1.959964 * se, 10);
    expect(l.revenue_per_customer_lift.difference).toBe(1000);
    const seMean = Math.sqrt(2000 ** 2 / 1000 + 2000 ** 2 / 500);
    expect(l.revenue_per_customer_lift.ci95).toEqual([Math.round(1000 - 1.959964 * seMean), Math.round(1000 + 1.959964 * seMean)]);
  });

  it('an empty group gives no interval rather than a division by zero', () => {
    const l = lift({ customers: 10, repeat_customers: 2, revenue: 100, revenue_squares: 1000 }, { customers: 0, repeat_customers: 0, revenue: 0, revenue_squares: 0 });
    expect(l.repeat_rate_lift.ci95).toEqual([0.2, 0.2]);
  });
});
