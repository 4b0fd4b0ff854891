import { minimiseWithGradient } from './quasi-newton.ts';
import { indexed } from './value-index.ts';
import { digamma, lnGamma } from './special-functions.ts';

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
  const { values, index } = indexed(data.map((d) => d.x));
  return {
    x: Float64Array.from(data, (d) => d.x),
    lnM: Float64Array.from(data, (d) => Math.log(d.m_x)),
    xm: Float64Array.from(data, (d) => d.x * d.m_x),
    xIndex: index,
    xs: [...values],
  };
}

/** The log-likelihood and its gradient in (p, q, v). */
function likelihood({ p, q, v }: GammaGammaParams, buyers: Buyers): { value: number; gradient: [number, number, number] } {
  const lnV = Math.log(v);
  const base = q * lnV - lnGamma(q);
  const psiQ = digamma(q);
  const byX = buyers.xs.map((x) => lnGamma(p * x + q) - lnGamma(p * x) + p * x * Math.log(x) + base);
  // The parts of ∂/∂p and ∂/∂q that depend on x alone.
  const dpByX = buyers.xs.map((x) => x * (digamma(p * x + q) - digamma(p * x) + Math.log(x)));
  const dqByX = buyers.xs.map((x) => digamma(p * x + q) - psiQ + lnV);
  const { x, lnM, xm, xIndex } = buyers;
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dv = 0;
  for (let i = 0; i < x.length; i++) {
    const k = xIndex[i]!;
    const px = p * x[i]!;
    const lnSum = Math.log(v + xm[i]!);
    ll += byX[k]! + (px - 1) * lnM[i]! - (px + q) * lnSum;
    dp += dpByX[k]! + x[i]! * (lnM[i]! - lnSum);
    dq += dqByX[k]! - lnSum;
    dv += q / v - (px + q) / (v + xm[i]!);
  }
  return { value: ll, gradient: [dp, dq, dv] };
}

/**
 * Where the search starts: p = 1, q = 2 and v at the buyers' mean spend, so that the expected spend
 * p·v/(q−1) starts at the mean whatever the unit of money (from v = 1, a store counting in cents
 * spends most of the search getting v to the thousands).
 */
const start = (buyers: { m_x: number }[]) => [0, Math.log(2), Math.log(buyers.reduce((s, b) => s + b.m_x, 0) / Math.max(1, buyers.length) || 1)];

/** Fit on customers with at least one repeat purchase and a positive average spend: BFGS on the logs of the parameters. */
export function fitGammaGamma(data: { x: number; m_x: number }[]): GammaGammaParams & { log_likelihood: number; customers: number } {
  const buyers = data.filter((d) => d.x > 0 && d.m_x > 0);
  const packed = columns(buyers);
  const params = (w: number[]) => ({ p: Math.exp(w[0]!), q: Math.exp(w[1]!), v: Math.exp(w[2]!) });
  const best = minimiseWithGradient((w) => {
    const at = params(w);
    const { value, gradient } = likelihood(at, packed);
    // d/d ln θ = θ · d/dθ, negated: the likelihood is maximised.
    return { value: -value, gradient: [-gradient[0] * at.p, -gradient[1] * at.q, -gradient[2] * at.v] };
  }, start(buyers));
  return { ...params(best.x), log_likelihood: -best.value, customers: buyers.length };
}

/** Expected average spend per purchase of a customer (the population mean when they have no repeat purchases). */
export function expectedSpend({ p, q, v }: GammaGammaParams, { x, m_x }: { x: number; m_x: number }): number {
  return (p * (v + x * m_x)) / (p * x + q - 1);
}
