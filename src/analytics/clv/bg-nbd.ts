import { minimiseWithGradient } from './quasi-newton.ts';
import { indexed } from './value-index.ts';
import { digamma, hyp2f1, lnGamma } from './special-functions.ts';
import type { CustomerSummary } from './summary.ts';

/** BG/NBD (Fader, Hardie & Lee 2005): repeat buying while alive, a chance of dropping out after each purchase. */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

type Point = Pick<CustomerSummary, 'x' | 't_x' | 'T'>;

/**
 * Customers packed for the likelihood: identical (x, t_x, T) counted once with a weight, and each
 * column indexed into its few distinct values (x are counts, t_x and T whole days in some unit), so
 * the logarithms of the parameters plus those values are taken once per value, not per customer.
 */
interface Packed {
  n: Float64Array;
  x: ReturnType<typeof indexed>;
  t_x: ReturnType<typeof indexed>;
  T: ReturnType<typeof indexed>;
}

function pack(data: Point[]): Packed {
  const columns = { x: indexed(data.map((p) => p.x)), t_x: indexed(data.map((p) => p.t_x)), T: indexed(data.map((p) => p.T)) };
  const width = { t_x: columns.t_x.values.length, T: columns.T.values.length };
  // Each customer's three value indexes as one number; sorted, equal customers are neighbours.
  const keys = Float64Array.from(data, (_, i) => (columns.x.index[i]! * width.t_x + columns.t_x.index[i]!) * width.T + columns.T.index[i]!).sort();
  const n: number[] = [];
  const x: number[] = [];
  const t_x: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && keys[i] === keys[i - 1]) {
      n[n.length - 1]! += 1;
      continue;
    }
    const key = keys[i]!;
    n.push(1);
    T.push(key % width.T);
    t_x.push(Math.floor(key / width.T) % width.t_x);
    x.push(Math.floor(key / width.T / width.t_x));
  }
  const pick = (column: ReturnType<typeof indexed>, index: number[]) => ({ values: column.values, index: Int32Array.from(index) });
  return { n: Float64Array.from(n), x: pick(columns.x, x), t_x: pick(columns.t_x, t_x), T: pick(columns.T, T) };
}

/**
 * The log-likelihood and its gradient in (r, α, a, b). Per customer, with A3 = −(r+x) ln(α+T) and
 * A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x) (only when x > 0), the likelihood is
 * base(x) + ln(e^A3 + e^A4); w4 = e^A4 / (e^A3 + e^A4) weighs the A4 side's derivatives.
 */
function likelihood({ r, alpha, a, b }: BgNbdParams, data: Packed): { value: number; gradient: [number, number, number, number] } {
  const lnRAlpha = r * Math.log(alpha) - lnGamma(r);
  const lnBeta = lnGamma(a + b) - lnGamma(b);
  const lnA = Math.log(a);
  const [psiR, psiB, psiAB] = [digamma(r), digamma(b), digamma(a + b)];
  const xs = data.x.values;
  const base = xs.map((x) => lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x) + lnRAlpha + lnBeta);
  const lnB = xs.map((x) => (x > 0 ? Math.log(b + x - 1) : 0));
  const invB = xs.map((x) => (x > 0 ? 1 / (b + x - 1) : 0));
  // The parts of ∂/∂r, ∂/∂a and ∂/∂b that depend on x alone.
  const dBaseR = xs.map((x) => digamma(r + x) - psiR + Math.log(alpha));
  const dBaseA = xs.map((x) => psiAB - digamma(a + b + x));
  const dBaseB = xs.map((x) => psiAB + digamma(b + x) - psiB - digamma(a + b + x));
  const lnAlphaT = data.T.values.map((T) => Math.log(alpha + T));
  const invAlphaT = data.T.values.map((T) => 1 / (alpha + T));
  const lnAlphaTx = data.t_x.values.map((t) => Math.log(alpha + t));
  const invAlphaTx = data.t_x.values.map((t) => 1 / (alpha + t));
  const { n, x: { index: xi }, t_x: { index: txi }, T: { index: Ti } } = data;
  let ll = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n.length; i++) {
    const k = xi[i]!;
    const x = xs[k]!;
    const w = n[i]!;
    const T = Ti[i]!;
    const a3 = -(r + x) * lnAlphaT[T]!;
    if (x === 0) {
      ll += w * (base[k]! + a3);
      dr += w * (dBaseR[k]! - lnAlphaT[T]!);
      dAlpha += w * (r / alpha - r * invAlphaT[T]!);
      continue;
    }
    const tx = txi[i]!;
    const a4 = lnA - lnB[k]! - (r + x) * lnAlphaTx[tx]!;
    // ln(e^a3 + e^a4) without overflow, with one exp and one log; w4 from the same exp.
    const e = Math.exp(-Math.abs(a3 - a4));
    ll += w * (base[k]! + Math.max(a3, a4) + Math.log1p(e));
    const w4 = a4 >= a3 ? 1 / (1 + e) : e / (1 + e);
    const w3 = 1 - w4;
    dr += w * (dBaseR[k]! - w3 * lnAlphaT[T]! - w4 * lnAlphaTx[tx]!);
    dAlpha += w * (r / alpha - (r + x) * (w3 * invAlphaT[T]! + w4 * invAlphaTx[tx]!));
    da += w * (dBaseA[k]! + w4 / a);
    db += w * (dBaseB[k]! - w4 * invB[k]!);
  }
  return { value: ll, gradient: [dr, dAlpha, da, db] };
}

/** Maximum-likelihood fit: BFGS on the logs of the parameters (which must stay positive). */
export function fitBgNbd(data: Point[]): BgNbdParams & { log_likelihood: number } {
  const packed = pack(data);
  const params = (v: number[]) => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const best = minimiseWithGradient((v) => {
    const p = params(v);
    const { value, gradient } = likelihood(p, packed);
    // d/d ln θ = θ · d/dθ, negated: the likelihood is maximised.
    return { value: -value, gradient: [-gradient[0] * p.r, -gradient[1] * p.alpha, -gradient[2] * p.a, -gradient[3] * p.b] };
  }, [0, 0, 0, 0]);
  return { ...params(best.x), log_likelihood: -best.value };
}

const aliveOdds = ({ r, alpha, a, b }: BgNbdParams, { x, t_x, T }: Point) => (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + t_x)) ** (r + x) : 0);

/** Probability that the customer is still "alive" (has not dropped out). */
export function pAlive(params: BgNbdParams, p: Point): number {
  return 1 / (1 + aliveOdds(params, p));
}

/** Expected number of purchases in the next `t` units. */
export function expectedPurchases(params: BgNbdParams, p: Point, t: number): number {
  const { r, alpha, a, b } = params;
  const { x, T } = p;
  const z = t / (alpha + T + t);
  const inner = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  return (((a + b + x - 1) / (a - 1)) * inner) / (1 + aliveOdds(params, p));
}
