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

/** Identical (x, t_x, T) customers counted once with a weight: a big store has far fewer distinct patterns. */
function groups(data: Point[]): { p: Point; n: number }[] {
  const byKey = new Map<string, { p: Point; n: number }>();
  for (const p of data) {
    const key = `${p.x}|${p.t_x}|${p.T}`;
    const g = byKey.get(key);
    if (g) g.n += 1;
    else byKey.set(key, { p, n: 1 });
  }
  return [...byKey.values()];
}

export function logLikelihood({ r, alpha, a, b }: BgNbdParams, data: { p: Point; n: number }[]): number {
  const lnRAlpha = r * Math.log(alpha) - lnGamma(r);
  const lnBeta = lnGamma(a + b) - lnGamma(b);
  let ll = 0;
  for (const { p, n } of data) {
    const { x, t_x, T } = p;
    const a1 = lnGamma(r + x) + lnRAlpha;
    const a2 = lnBeta + lnGamma(b + x) - lnGamma(a + b + x);
    const a3 = -(r + x) * Math.log(alpha + T);
    const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + t_x) : -Infinity;
    const top = Math.max(a3, a4);
    ll += n * (a1 + a2 + top + Math.log(Math.exp(a3 - top) + (x > 0 ? Math.exp(a4 - top) : 0)));
  }
  return ll;
}

/** Maximum-likelihood fit (Nelder–Mead on the logs of the parameters, which must stay positive). */
export function fitBgNbd(data: Point[]): BgNbdParams & { log_likelihood: number } {
  const g = groups(data);
  const params = (v: number[]) => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  let start = [0, 0, 0, 0];
  let best = { x: start, value: Infinity, iterations: 0 };
  // Restarting from the optimum guards against Nelder–Mead stalling on a flat ridge.
  for (let round = 0; round < 4; round++) {
    best = minimise((v) => -logLikelihood(params(v), g), start, { step: round === 0 ? 1 : 0.1 });
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
