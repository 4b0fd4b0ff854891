import { programCache } from '../../platform/program-cache.ts';
import { invalidRequest } from '../../platform/errors.ts';
import { clvInput } from './clv-input.ts';
import { fitClvModels } from './clv-prediction.ts';

/**
 * Every customer's model input and the fitted BG/NBD and Gamma-Gamma models of a program, kept
 * ten minutes: on a big store the fit takes seconds, and a merchant asking for other horizons or
 * discount rates should not wait for it again. Weekly units, history up to the time of the fit.
 */
export const clvModels = programCache(600_000, async (db, programId, now) => {
  const summary = await clvInput(db, programId, now, 'week');
  if (summary.filter((c) => c.x > 0).length < 10) throw invalidRequest('not_enough_history', 'Predicting CLV needs at least ten customers who bought more than once.');
  return { summary, fitted: fitClvModels(summary) };
});
