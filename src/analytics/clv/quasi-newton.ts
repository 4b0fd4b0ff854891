/** A function's value and gradient at a point, worked out together (they share most of the work). */
export type WithGradient = (x: number[]) => { value: number; gradient: number[] };

const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const identity = (n: number, scale = 1) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)));
const times = (m: number[][], v: number[]) => m.map((row) => dot(row, v));

/**
 * BFGS minimisation of f over R^n from x0, with a backtracking (Armijo) line search. Given the
 * gradient, a smooth likelihood of a few parameters needs a few dozen evaluations where
 * Nelder–Mead needs hundreds. Stops when the gradient is negligible against the value, or when no
 * step along the search direction lowers f any more (the optimum, to the precision of f).
 */
export function minimiseWithGradient(f: WithGradient, x0: number[], options: { tolerance?: number; maxIterations?: number } = {}): { x: number[]; value: number; iterations: number } {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 500;
  const n = x0.length;
  let at = { x: x0, ...f(x0) };
  let inverseHessian = identity(n);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (Math.max(...at.gradient.map(Math.abs)) <= tolerance * Math.max(1, Math.abs(at.value))) break;
    let direction = times(inverseHessian, at.gradient).map((v) => -v);
    if (dot(at.gradient, direction) >= 0) {
      // Not a descent direction (rounding): start again from steepest descent.
      inverseHessian = identity(n);
      direction = at.gradient.map((v) => -v);
    }
    const slope = dot(at.gradient, direction);
    // The first step, before any curvature is known, moves at most one unit.
    let step = iterations === 0 ? Math.min(1, 1 / Math.sqrt(dot(direction, direction))) : 1;
    let next: typeof at | undefined;
    for (let halvings = 0; halvings < 60 && !next; halvings++, step /= 2) {
      const x = at.x.map((v, i) => v + step * direction[i]!);
      const tried = f(x);
      if (Number.isFinite(tried.value) && tried.value < at.value && tried.value <= at.value + 1e-4 * step * slope) next = { x, ...tried };
    }
    if (!next) break;
    const s = next.x.map((v, i) => v - at.x[i]!);
    const y = next.gradient.map((v, i) => v - at.gradient[i]!);
    const sy = dot(s, y);
    if (sy > 0) {
      if (iterations === 0) inverseHessian = identity(n, sy / dot(y, y));
      inverseHessian = bfgsUpdate(inverseHessian, s, y, 1 / sy);
    }
    at = next;
  }
  return { x: at.x, value: at.value, iterations };
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ. */
function bfgsUpdate(h: number[][], s: number[], y: number[], rho: number): number[][] {
  const hy = times(h, y);
  const yhy = dot(y, hy);
  return h.map((row, i) => row.map((v, j) => v - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!));
}
