import { minimise } from './nelder-mead.ts';
import { lnGamma } from './special-functions.ts';

/** Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"), fitted on repeat buyers. */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** Repeat buyers in columns, with what does not depend on the parameters worked out once. */
interface Buyers {
  x: Float64Array;
  lnM: Float64Array;
  xm: Float64Array;
  /** Index of each buyer's x in `xs`: the gamma terms depend on x alone, and x takes few values. */
  xIndex: Int32Array;
  xs: number[];
}

function columns(data: { x: number; m_x: number }[]): Buyers {
  const xs = [...new Set(data.map((d) => d.x))];
  const at = new Map(xs.map((x, i) => [x, i]));
  return {
    x: Float64Array.from(data, (d) => d.x),
    lnM: Float64Array.from(data, (d) => Math.log(d.m_x)),
    xm: Float64Array.from(data, (d) => d.x * d.m_x),
    xIndex: Int32Array.from(data, (d) => at.get(d.x)!),
    xs,
  };
}

function logLikelihood({ p, q, v }: GammaGammaParams, buyers: Buyers): number {
  const base = q * Math.log(v) - lnGamma(q);
  const byX = buyers.xs.map((x) => lnGamma(p * x + q) - lnGamma(p * x) + p * x * Math.log(x) + base);
  const { x, lnM, xm, xIndex } = buyers;
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i]!;
    ll += byX[xIndex[i]!]! + (px - 1) * lnM[i]! - (px + q) * Math.log(v + xm[i]!);
  }
  return ll;
}

/** Fit on customers with at least one repeat purchase and a positive average spend. */
export function fitGammaGamma(data: { x: number; m_x: number }[]): GammaGammaParams & { log_likelihood: number; customers: number } {
  const buyers = data.filter((d) => d.x > 0 && d.m_x > 0);
  const packed = columns(buyers);
  const params = (w: number[]) => ({ p: Math.exp(w[0]!), q: Math.exp(w[1]!), v: Math.exp(w[2]!) });
  let start = [0, 0, 0];
  let best = { x: start, value: Infinity, iterations: 0 };
  for (let round = 0; round < 2; round++) {
    best = minimise((w) => -logLikelihood(params(w), packed), start, { step: round === 0 ? 1 : 0.1, tolerance: 1e-10 });
    start = best.x;
  }
  return { ...params(best.x), log_likelihood: -best.value, customers: buyers.length };
}

/** Expected average spend per purchase of a customer (the population mean when they have no repeat purchases). */
export function expectedSpend({ p, q, v }: GammaGammaParams, { x, m_x }: { x: number; m_x: number }): number {
  return (p * (v + x * m_x)) / (p * x + q - 1);
}
