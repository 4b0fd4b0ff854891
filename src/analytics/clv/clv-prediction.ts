import { expectedPurchases, fitBgNbd, pAlive } from './bg-nbd.ts';
import { expectedSpend, fitGammaGamma } from './gamma-gamma.ts';
import type { CustomerSummary } from './summary.ts';

export type ClvModels = { bg: ReturnType<typeof fitBgNbd>; gg: ReturnType<typeof fitGammaGamma> };

export const fitClvModels = (summary: CustomerSummary[]): ClvModels => ({ bg: fitBgNbd(summary), gg: fitGammaGamma(summary) });

/**
 * Predicted customer lifetime value over a horizon: expected purchases month by month (BG/NBD)
 * times expected spend per purchase (Gamma-Gamma), each month discounted at the annual rate.
 * Inputs in weeks; the models are fitted unless given. Pure.
 */
export function predictClv(summary: CustomerSummary[], options: { horizonWeeks: number; annualDiscountRate: number }, fitted: ClvModels = fitClvModels(summary)) {
  const { bg, gg } = fitted;
  const months = Math.max(1, Math.round(options.horizonWeeks / (52 / 12)));
  const customers = summary.map((c) => {
    let value = 0;
    let before = 0;
    for (let m = 1; m <= months; m++) {
      const upTo = expectedPurchases(bg, c, (m * 52) / 12);
      value += ((upTo - before) * expectedSpend(gg, c)) / (1 + options.annualDiscountRate) ** (m / 12);
      before = upTo;
    }
    return { customer_id: c.customerId, p_alive: pAlive(bg, c), expected_purchases: before, expected_spend: expectedSpend(gg, c), predicted_clv: value };
  });
  return { bgnbd: bg, gamma_gamma: gg, customers };
}
