/** Nelder–Mead minimisation of f over R^n from x0; the classic coefficients (1, 2, 0.5, 0.5). */
export function minimise(f: (x: number[]) => number, x0: number[], options: { step?: number; tolerance?: number; maxIterations?: number } = {}): { x: number[]; value: number; iterations: number } {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 5_000;
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x, v: f(x) }));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance)) break;
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j]!, 0) / n);
    const towards = (coef: number) => centroid.map((c, j) => c + coef * (worst.x[j]! - c));
    const reflected = towards(-1);
    const rv = f(reflected);
    if (rv < best.v) {
      const expanded = towards(-2);
      const ev = f(expanded);
      simplex[n] = ev < rv ? { x: expanded, v: ev } : { x: reflected, v: rv };
    } else if (rv < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: rv };
    } else {
      const contracted = rv < worst.v ? towards(-0.5) : towards(0.5);
      const cv = f(contracted);
      if (cv < Math.min(rv, worst.v)) {
        simplex[n] = { x: contracted, v: cv };
      } else {
        simplex = simplex.map((p, i) => (i === 0 ? p : { x: p.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!)), v: 0 })).map((p, i) => (i === 0 ? p : { x: p.x, v: f(p.x) }));
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, iterations };
}
