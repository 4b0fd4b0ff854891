/**
 * How predicted value spreads over the customers: by decile of predicted CLV (the top tenth first,
 * with its share of all the value: "a tenth of the customers will bring 45% of the revenue"), and
 * how many customers fall in each tenth of P(alive). Pure.
 */
export interface ValueDecile {
  decile: number;
  customers: number;
  min_clv: number;
  max_clv: number;
  average_clv: number;
  share_of_value: number;
}

export function valueByDecile(values: readonly number[]): ValueDecile[] {
  const sorted = [...values].sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  const deciles: ValueDecile[] = [];
  for (let d = 0; d < 10; d++) {
    const part = sorted.slice(Math.round((d * sorted.length) / 10), Math.round(((d + 1) * sorted.length) / 10));
    if (part.length === 0) continue;
    const sum = part.reduce((s, v) => s + v, 0);
    deciles.push({ decile: d + 1, customers: part.length, min_clv: Math.round(part.at(-1)!), max_clv: Math.round(part[0]!), average_clv: Math.round(sum / part.length), share_of_value: total > 0 ? sum / total : 0 });
  }
  return deciles;
}

export interface ProbabilityBand {
  from: number;
  to: number;
  customers: number;
}

/** Customers per tenth of P(alive): [0, 0.1), [0.1, 0.2), …, [0.9, 1]. */
export function pAliveBands(probabilities: readonly number[]): ProbabilityBand[] {
  const counts = new Array<number>(10).fill(0);
  for (const p of probabilities) counts[Math.min(9, Math.max(0, Math.floor(p * 10)))]!++;
  return counts.map((customers, i) => ({ from: i / 10, to: (i + 1) / 10, customers }));
}
