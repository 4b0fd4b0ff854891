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

export function lift(members: GroupFacts, holdout: GroupFacts) {
  const p1 = members.customers ? members.repeat_customers / members.customers : 0;
  const p2 = holdout.customers ? holdout.repeat_customers / holdout.customers : 0;
  const seRate = members.customers && holdout.customers ? Math.sqrt((p1 * (1 - p1)) / members.customers + (p2 * (1 - p2)) / holdout.customers) : 0;
  const m1 = mean(members);
  const m2 = mean(holdout);
  const seMean = members.customers && holdout.customers ? Math.sqrt(variance(members) / members.customers + variance(holdout) / holdout.customers) : 0;
  const interval = (d: number, se: number) => [d - Z * se, d + Z * se] as [number, number];
  return {
    members: { customers: members.customers, repeat_rate: p1, revenue_per_customer: Math.round(m1) },
    holdout: { customers: holdout.customers, repeat_rate: p2, revenue_per_customer: Math.round(m2) },
    repeat_rate_lift: { difference: p1 - p2, ci95: interval(p1 - p2, seRate) },
    revenue_per_customer_lift: { difference: Math.round(m1 - m2), ci95: interval(m1 - m2, seMean).map(Math.round) as [number, number] },
  };
}
