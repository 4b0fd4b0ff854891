import { describe, expect, it } from 'vitest';
import { minimiseWithGradient } from './quasi-newton.ts';
import { digamma } from './special-functions.ts';

describe('the fits’ numerics', () => {
  it('BFGS finds the bottom of Rosenbrock’s valley from the classic start (−1.2, 1)', () => {
    const rosenbrock = ([x, y]: number[]) => ({
      value: (1 - x!) ** 2 + 100 * (y! - x! ** 2) ** 2,
      gradient: [-2 * (1 - x!) - 400 * x! * (y! - x! ** 2), 200 * (y! - x! ** 2)],
    });
    const best = minimiseWithGradient(rosenbrock, [-1.2, 1]);
    expect(best.x[0]).toBeCloseTo(1, 5);
    expect(best.x[1]).toBeCloseTo(1, 5);
    expect(best.iterations).toBeLessThan(100);
  });

  it('digamma matches known values: ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ(x + 1) = ψ(x) + 1/x', () => {
    const gamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-gamma, 12);
    expect(digamma(0.5)).toBeCloseTo(-gamma - 2 * Math.log(2), 12);
    for (const x of [0.01, 0.3, 2.5, 17, 250]) expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 10);
  });
});
