import { minimise } from './nelder-mead.ts';
import { hyp2f1, lnGamma } from './special-functions.ts';
import type { CustomerSummary } from './summary.ts';

/** BG/NBD (Fader, Hardie & Lee 2005): repeat buying while alive, a chance of dropping out after each purchase. */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

type Point = Pick<CustomerSummary, 'x' | 't_x' | 'T'>;

/** Distinct values of a column and, for each row, the index of its value: per-value work is done once. */
function indexed(values: number[]): { values: Float64Array; index: Int32Array } {
  const position = new Map<number, number>();
  const index = Int32Array.from(values, (v) => {
    let i = position.get(v);
    if (i === undefined) position.set(v, (i = position.size));
    return i;
  });
  return { values: Float64Array.from(position.keys()), index };
}

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
  const byKey = new Map<string, { p: Point; n: number }>();
  for (const p of data) {
    const key = `${p.x}|${p.t_x}|${p.T}`;
    const g = byKey.get(key);
    if (g) g.n += 1;
    else byKey.set(key, { p, n: 1 });
  }
  const groups = [...byKey.values()];
  return {
    n: Float64Array.from(groups, (g) => g.n),
    x: indexed(groups.map((g) => g.p.x)),
    t_x: indexed(groups.map((g) => g.p.t_x)),
    T: indexed(groups.map((g) => g.p.T)),
  };
}

const logsOf = (values: Float64Array, f: (v: number) => number) => values.map(f);

function logLikelihood({ r, alpha, a, b }: BgNbdParams, data: Packed): number {
  const lnRAlpha = r * Math.log(alpha) - lnGamma(r);
  const lnBeta = lnGamma(a + b) - lnGamma(b);
  const lnA = Math.log(a);
  const xs = data.x.values;
  const base = logsOf(xs, (x) => lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x) + lnRAlpha + lnBeta);
  const lnB = logsOf(xs, (x) => (x > 0 ? Math.log(b + x - 1) : 0));
  const lnAlphaT = logsOf(data.T.values, (T) => Math.log(alpha + T));
  const lnAlphaTx = logsOf(data.t_x.values, (t) => Math.log(alpha + t));
  const { n, x: { index: xi }, t_x: { index: txi }, T: { index: Ti } } = data;
  let ll = 0;
  for (let i = 0; i < n.length; i++) {
    const k = xi[i]!;
    const x = xs[k]!;
    const a3 = -(r + x) * lnAlphaT[Ti[i]!]!;
    if (x === 0) {
      ll += n[i]! * (base[k]! + a3);
      continue;
    }
    const a4 = lnA - lnB[k]! - (r + x) * lnAlphaTx[txi[i]!]!;
    // log(e^a3 + e^a4) without overflow, with one exp and one log.
    ll += n[i]! * (base[k]! + Math.max(a3, a4) + Math.log1p(Math.exp(-Math.abs(a3 - a4))));
  }
  return ll;
}

/** Maximum-likelihood fit (Nelder–Mead on the logs of the parameters, which must stay positive). */
export function fitBgNbd(data: Point[]): BgNbdParams & { log_likelihood: number } {
  const packed = pack(data);
  const params = (v: number[]) => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  let start = [0, 0, 0, 0];
  let best = { x: start, value: Infinity, iterations: 0 };
  // Restarting from the optimum guards against Nelder–Mead stalling on a flat ridge.
  for (let round = 0; round < 2; round++) {
    best = minimise((v) => -logLikelihood(params(v), packed), start, { step: round === 0 ? 1 : 0.1, tolerance: 1e-10 });
    start = best.x;
  }
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
