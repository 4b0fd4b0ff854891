import { minimise } from './nelder-mead.ts';
import { lnGamma } from './special-functions.ts';

/** Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"), fitted on repeat buyers. */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export function logLikelihood({ p, q, v }: GammaGammaParams, data: { x: number; m_x: number }[]): number {
  let ll = 0;
  const base = q * Math.log(v) - lnGamma(q);
  // The gamma terms depend on x alone: once per distinct x.
  const byX = new Map<number, number>();
  for (const { x, m_x } of data) {
    let g = byX.get(x);
    if (g === undefined) {
      g = lnGamma(p * x + q) - lnGamma(p * x) + p * x * Math.log(x);
      byX.set(x, g);
    }
    ll += g + base + (p * x - 1) * Math.log(m_x) - (p * x + q) * Math.log(v + x * m_x);
  }
  return ll;
}

/** Fit on customers with at least one repeat purchase and a positive average spend. */
export function fitGammaGamma(data: { x: number; m_x: number }[]): GammaGammaParams & { log_likelihood: number; customers: number } {
  const buyers = data.filter((d) => d.x > 0 && d.m_x > 0);
  const params = (w: number[]) => ({ p: Math.exp(w[0]!), q: Math.exp(w[1]!), v: Math.exp(w[2]!) });
  let start = [0, 0, 0];
  let best = { x: start, value: Infinity, iterations: 0 };
  for (let round = 0; round < 2; round++) {
    best = minimise((w) => -logLikelihood(params(w), buyers), start, { step: round === 0 ? 1 : 0.1, tolerance: 1e-10 });
    start = best.x;
  }
  return { ...params(best.x), log_likelihood: -best.value, customers: buyers.length };
}

/** Expected average spend per purchase of a customer (the population mean when they have no repeat purchases). */
export function expectedSpend({ p, q, v }: GammaGammaParams, { x, m_x }: { x: number; m_x: number }): number {
  return (p * (v + x * m_x)) / (p * x + q - 1);
}
