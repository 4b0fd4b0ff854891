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

/** Customers packed for the likelihood: identical (x, t_x, T) counted once with a weight, in typed arrays. */
interface Packed {
  x: Float64Array;
  t_x: Float64Array;
  T: Float64Array;
  n: Float64Array;
  xs: number[];
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
    x: Float64Array.from(groups, (g) => g.p.x),
    t_x: Float64Array.from(groups, (g) => g.p.t_x),
    T: Float64Array.from(groups, (g) => g.p.T),
    n: Float64Array.from(groups, (g) => g.n),
    xs: [...new Set(groups.map((g) => g.p.x))],
  };
}

function logLikelihood({ r, alpha, a, b }: BgNbdParams, data: Packed): number {
  const lnRAlpha = r * Math.log(alpha) - lnGamma(r);
  const lnBeta = lnGamma(a + b) - lnGamma(b);
  // The gamma terms depend on x alone, and x takes few values: computed once per x.
  const byX = new Map<number, number>();
  for (const x of data.xs) byX.set(x, lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x) + lnRAlpha + lnBeta);
  const lnA = Math.log(a);
  const { x: xs, t_x: txs, T: Ts, n: ns } = data;
  let ll = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const a3 = -(r + x) * Math.log(alpha + Ts[i]!);
    const base = byX.get(x)!;
    if (x === 0) {
      ll += ns[i]! * (base + a3);
      continue;
    }
    const a4 = lnA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + txs[i]!);
    const top = a3 > a4 ? a3 : a4;
    ll += ns[i]! * (base + top + Math.log(Math.exp(a3 - top) + Math.exp(a4 - top)));
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
