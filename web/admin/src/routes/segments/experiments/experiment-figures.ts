// What an experiment's figures say: each variant against the first, and which one leads. An
// interval of the lift that does not include 0 is a difference the data supports (docs/experiments.md).
import type { Experiment, ExperimentVariant } from '../../../hooks/api/experiments.ts';

/** Better or worse than the first variant by all the 95% interval allows, or not clearly either. */
export type Verdict = 'better' | 'worse' | 'unclear';

export function verdictOf(lift: NonNullable<ExperimentVariant['lift']>): Verdict {
  const [low = 0, high = 0] = lift.ci95;
  if (low > 0) return 'better';
  return high < 0 ? 'worse' : 'unclear';
}

/**
 * The variant ahead on the metric, none while two share the best figure (as at the start), and
 * whether it is clearly ahead of the first: its lift's interval above 0, or for the first variant
 * every other's below 0.
 */
export function leaderOf(e: Experiment): { index: number; clear: boolean } | null {
  const best = Math.max(...e.variants.map((v) => v.value));
  const ahead = e.variants.flatMap((v, i) => (v.value === best ? [i] : []));
  if (ahead.length !== 1) return null;
  const index = ahead[0]!;
  const others = e.variants.slice(1).map((v) => (v.lift ? verdictOf(v.lift) : 'unclear'));
  const clear = index === 0 ? others.every((v) => v === 'worse') : others[index - 1] === 'better';
  return { index, clear };
}

/** The figures are final: every day of the window has passed, or it was stopped. */
export const isFinal = (e: Experiment) => e.window.complete || e.status === 'stopped';
