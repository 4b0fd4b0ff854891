import { fitBgNbd } from '../analytics/clv/bg-nbd.ts';
import { fitGammaGamma } from '../analytics/clv/gamma-gamma.ts';
import { summarise } from '../analytics/clv/summary.ts';
import { readTransactions } from '../analytics/clv/transactions-file.ts';

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/**
 * `regulars clv fit <file>`: fits BG/NBD (purchase frequency and drop-out) and Gamma-Gamma (spend)
 * to a `customer_id,date,amount` log, with a calibration end and a time unit.
 */
export async function clvFit(file: string, options: { calibrationEnd: string; unit: 'week' | 'day'; json?: boolean }): Promise<void> {
  const started = performance.now();
  const summary = summarise(await readTransactions(file), options.calibrationEnd, options.unit);
  const bg = fitBgNbd(summary);
  const gg = fitGammaGamma(summary);
  const result = {
    bgnbd: { r: round(bg.r, 4), alpha: round(bg.alpha, 4), a: round(bg.a, 4), b: round(bg.b, 4), log_likelihood: round(bg.log_likelihood, 2) },
    gamma_gamma: { p: round(gg.p, 4), q: round(gg.q, 4), v: round(gg.v, 4), log_likelihood: round(gg.log_likelihood, 2) },
    customers: summary.length,
    repeat_customers: gg.customers,
    calibration_end: options.calibrationEnd,
    unit: options.unit,
    seconds: round((performance.now() - started) / 1000, 3),
  };
  if (options.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`${result.customers} customers (${result.repeat_customers} bought again) up to ${options.calibrationEnd}, in ${options.unit}s`);
  console.log(`BG/NBD       r ${result.bgnbd.r}  alpha ${result.bgnbd.alpha}  a ${result.bgnbd.a}  b ${result.bgnbd.b}  log-likelihood ${result.bgnbd.log_likelihood}`);
  console.log(`Gamma-Gamma  p ${result.gamma_gamma.p}  q ${result.gamma_gamma.q}  v ${result.gamma_gamma.v}`);
}
