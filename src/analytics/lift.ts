/**
 * The program's lift against its holdout group: the difference in repeat rate and in revenue per
 * customer between members and the control, with 95% confidence intervals (normal approximation:
 * two proportions; Welch for the means). Pure.
 */
export interface GroupFacts {
  customers: number;
  repeat_customers: number;
  revenue: number;
  revenue_squares: number;
}

const Z = 1.959964;

function mean(g: GroupFacts) {
  return g.customers ? g.revenue / g.customers : 0;
}

function variance(g: GroupFacts) {
  if (g.customers < 2) return 0;
  const m = mean(g);
  return (g.revenue_squares - g.customers * m * m) / (g.customers - 1);
}

/** The difference of two proportions (successes of n each), with its 95% interval. */
export function proportionDifference(a: { successes: number; n: number }, b: { successes: number; n: number }) {
  const p1 = a.n ? a.successes / a.n : 0;
  const p2 = b.n ? b.successes / b.n : 0;
  const se = a.n && b.n ? Math.sqrt((p1 * (1 - p1)) / a.n + (p2 * (1 - p2)) / b.n) : 0;
  return { difference: p1 - p2, ci95: [p1 - p2 - Z * se, p1 - p2 + Z * se] as [number, number] };
}

/** The difference of two groups' mean revenue per customer (Welch), with its 95% interval, in whole minor units. */
export function meanDifference(a: GroupFacts, b: GroupFacts) {
  const d = mean(a) - mean(b);
  const se = a.customers && b.customers ? Math.sqrt(variance(a) / a.customers + variance(b) / b.customers) : 0;
  return { difference: Math.round(d), ci95: [d - Z * se, d + Z * se].map(Math.round) as [number, number] };
}

/** One group's proportion, or its mean revenue per customer, with a 95% interval. */
export function proportionInterval(successes: number, n: number): { value: number; ci95: [number, number] } {
  const p = n ? successes / n : 0;
  const se = n ? Math.sqrt((p * (1 - p)) / n) : 0;
  return { value: p, ci95: [Math.max(0, p - Z * se), Math.min(1, p + Z * se)] };
}

export function meanInterval(g: GroupFacts): { value: number; ci95: [number, number] } {
  const m = mean(g);
  const se = g.customers ? Math.sqrt(variance(g) / g.customers) : 0;
  return { value: Math.round(m), ci95: [Math.round(m - Z * se), Math.round(m + Z * se)] };
}

export function lift(members: GroupFacts, holdout: GroupFacts) {
  const rate = (g: GroupFacts) => ({ successes: g.repeat_customers, n: g.customers });
  return {
    members: { customers: members.customers, repeat_rate: members.customers ? members.repeat_customers / members.customers : 0, revenue_per_customer: Math.round(mean(members)) },
    holdout: { customers: holdout.customers, repeat_rate: holdout.customers ? holdout.repeat_customers / holdout.customers : 0, revenue_per_customer: Math.round(mean(holdout)) },
    repeat_rate_lift: proportionDifference(rate(members), rate(holdout)),
    revenue_per_customer_lift: meanDifference(members, holdout),
  };
}
