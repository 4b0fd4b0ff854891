import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd, pAlive } from './bg-nbd.ts';
import { expectedSpend, fitGammaGamma } from './gamma-gamma.ts';
import { summarise } from './summary.ts';
import { readTransactions } from './transactions-file.ts';

const CDNOW = path.resolve(import.meta.dirname, '../../../../shared/data/cdnow/cdnow_sample_transactions.csv');

describe('the customer summary', () => {
  it('merges same-day purchases, counts repeat days and ignores what follows the calibration end', () => {
    const s = summarise(
      [
        { customerId: 'a', date: '2026-01-01', amount: 10 },
        { customerId: 'a', date: '2026-01-01', amount: 5 },
        { customerId: 'a', date: '2026-01-08', amount: 20 },
        { customerId: 'a', date: '2026-01-22', amount: 40 },
        { customerId: 'a', date: '2026-02-20', amount: 99 },
        { customerId: 'b', date: '2026-01-15', amount: 7 },
      ],
      '2026-01-29',
      'week',
    );
    expect(s).toEqual([
      { customerId: 'a', x: 2, t_x: 3, T: 4, m_x: 30 },
      { customerId: 'b', x: 0, t_x: 0, T: 2, m_x: 0 },
    ]);
  });
});

describe('BG/NBD and Gamma-Gamma on CDNOW (Fader, Hardie & Lee 2005)', async () => {
  const summary = summarise(await readTransactions(CDNOW), '1997-09-30', 'week');

  it('the summary matches the paper: 2,357 customers, 946 repeat buyers, 2,457 repeat purchases', () => {
    expect(summary).toHaveLength(2357);
    expect(summary.filter((c) => c.x > 0)).toHaveLength(946);
    expect(summary.reduce((s, c) => s + c.x, 0)).toBe(2457);
  });

  it('reproduces the published BG/NBD fit: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4', () => {
    const fit = fitBgNbd(summary);
    expect(fit.r).toBeCloseTo(0.243, 3);
    expect(fit.alpha).toBeCloseTo(4.414, 2);
    expect(fit.a).toBeCloseTo(0.793, 3);
    expect(fit.b).toBeCloseTo(2.426, 2);
    expect(fit.log_likelihood).toBeCloseTo(-9582.4, 1);
  });

  it('reproduces the published Gamma-Gamma fit on the 946 repeat buyers: p = 6.25, q = 3.74, v = 15.44', () => {
    const fit = fitGammaGamma(summary);
    expect(fit.customers).toBe(946);
    expect(fit.p).toBeCloseTo(6.25, 2);
    expect(fit.q).toBeCloseTo(3.74, 2);
    expect(fit.v).toBeCloseTo(15.44, 2);
  });

  it("predicts the paper's example: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks", () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(expectedPurchases(params, { x: 2, t_x: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 2);
    expect(pAlive(params, { x: 0, t_x: 0, T: 38.86 })).toBe(1);
    expect(pAlive(params, { x: 5, t_x: 5, T: 38.86 })).toBeLessThan(pAlive(params, { x: 5, t_x: 38, T: 38.86 }));
    expect(expectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, { x: 0, m_x: 0 })).toBeCloseTo((6.25 * 15.44) / (3.74 - 1), 6);
  });

  it('regulars clv fit prints the fit as JSON', () => {
    const bin = path.resolve(import.meta.dirname, '../../../bin/regulars.mjs');
    const run = spawnSync(process.execPath, [bin, 'clv', 'fit', CDNOW, '--calibration-end', '1997-09-30', '--unit', 'week', '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.bgnbd).toMatchObject({ r: expect.closeTo(0.243, 3), alpha: expect.closeTo(4.414, 2), a: expect.closeTo(0.793, 3), b: expect.closeTo(2.426, 2), log_likelihood: expect.closeTo(-9582.4, 1) });
    expect(out.gamma_gamma).toMatchObject({ p: expect.closeTo(6.25, 2), q: expect.closeTo(3.74, 2), v: expect.closeTo(15.44, 2) });
  });
});
