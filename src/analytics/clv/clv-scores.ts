import { programCache } from '../../platform/program-cache.ts';
import { clvModels } from './clv-models.ts';
import { predictClv } from './clv-prediction.ts';

/** The horizon and rate the segments' CLV conditions use: a year ahead, 10% a year (the CLV report's defaults). */
const HORIZON_WEEKS = 365 / 7;
const DISCOUNT_RATE = 0.1;

export interface ClvScores {
  /** Customers by predicted CLV, highest first, with their P(alive). */
  ranked: { customerId: string; clv: number; pAlive: number }[];
}

/**
 * Every customer's predicted CLV and P(alive) from the program's fitted models, kept as long as
 * the fit (ten minutes): segments ask for "the top 10% by predicted CLV" or "P(alive) below 30%".
 */
export const clvScores = programCache<ClvScores>(600_000, async (db, programId, now) => {
  const { summary, fitted } = await clvModels.get(db, programId, now);
  const { customers } = predictClv(summary, { horizonWeeks: HORIZON_WEEKS, annualDiscountRate: DISCOUNT_RATE }, fitted);
  return { ranked: customers.map((c) => ({ customerId: c.customer_id, clv: c.predicted_clv, pAlive: c.p_alive })).sort((a, b) => b.clv - a.clv) };
});

/** The customers in these deciles of predicted CLV (1: the top 10%). */
export function inDeciles(scores: ClvScores, deciles: number[]): string[] {
  const n = scores.ranked.length;
  return scores.ranked.filter((_, i) => deciles.includes(Math.min(10, Math.floor((i * 10) / n) + 1))).map((c) => c.customerId);
}

/** The customers whose P(alive) is within the bounds (0 to 1). */
export const byPAlive = (scores: ClvScores, r: { at_least?: number; at_most?: number }) =>
  scores.ranked.filter((c) => (r.at_least === undefined || c.pAlive >= r.at_least) && (r.at_most === undefined || c.pAlive <= r.at_most)).map((c) => c.customerId);
