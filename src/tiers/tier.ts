import { invalidRequest } from '../platform/errors.ts';

/** VIP tiers: which tier a customer's metric supports, and when status changes. Pure. */
export type TierMetric = 'points_earned' | 'amount_spent' | 'orders_count';
export type TierPeriod = 'lifetime' | 'calendar_year' | 'rolling_12_months';

export interface TierSettings {
  metric: TierMetric;
  period: TierPeriod;
  graceDays: number;
}

export interface Tier {
  id: string;
  name: string;
  threshold: number;
  retain_threshold: number | null;
  multiplier_hundredths: number;
  entry_reward_id: string | null;
  birthday_points: number;
  perks: string[];
  status: 'active' | 'archived';
  /** Cashback rate for the tier's members, in basis points; none means the program's. */
  cashback_bps: number | null;
}

/**
 * The metric over the period's windows: `current` is the lifetime total, the last 12 months, or
 * this calendar year; `previous` is last calendar year (calendar_year only: status earned in a
 * year lasts through the next), else 0.
 */
export interface MetricValue {
  current: number;
  previous: number;
}

export interface TierState {
  tierId: string | null;
  unsupportedSince: Date | null;
}

export type TierDecision =
  | { kind: 'stay'; clearGrace: boolean }
  | { kind: 'upgrade'; to: Tier }
  | { kind: 'grace'; to: Tier | null; downgradeOn: Date }
  | { kind: 'downgrade'; to: Tier | null };

const DAY_MS = 86_400_000;

export const ranked = (tiers: Tier[]) => tiers.filter((t) => t.status === 'active').sort((a, b) => a.threshold - b.threshold);

/** The highest tier whose threshold the value reaches. */
export function qualifiedTier(tiers: Tier[], value: number): Tier | null {
  return ranked(tiers).filter((t) => value >= t.threshold).at(-1) ?? null;
}

const rank = (tiers: Tier[], tier: Tier | null) => (tier ? ranked(tiers).findIndex((t) => t.id === tier.id) : -1);

/**
 * Upgrade as soon as the metric reaches a higher threshold. Keep the tier while the metric stays
 * at its retain threshold (or its threshold). Otherwise downgrade to what the metric supports,
 * after the grace period when there is one (the first call starts it).
 */
export function decideTier(tiers: Tier[], settings: TierSettings, value: MetricValue, state: TierState, now: Date): TierDecision {
  const v = Math.max(value.current, value.previous);
  const qualified = qualifiedTier(tiers, v);
  const current = ranked(tiers).find((t) => t.id === state.tierId) ?? null;
  // A tier that was archived is left at once, for whatever the metric supports now.
  if (state.tierId && !current) return { kind: 'downgrade', to: qualified };
  if (rank(tiers, qualified) > rank(tiers, current)) return { kind: 'upgrade', to: qualified! };
  if (!current) return { kind: 'stay', clearGrace: false };
  if (v >= (current.retain_threshold ?? current.threshold)) return { kind: 'stay', clearGrace: state.unsupportedSince !== null };
  if (settings.graceDays === 0) return { kind: 'downgrade', to: qualified };
  if (!state.unsupportedSince) return { kind: 'grace', to: qualified, downgradeOn: new Date(now.getTime() + settings.graceDays * DAY_MS) };
  if (now.getTime() >= state.unsupportedSince.getTime() + settings.graceDays * DAY_MS) return { kind: 'downgrade', to: qualified };
  return { kind: 'stay', clearGrace: false };
}

/**
 * A refund reverses the upgrade it caused: when the customer's latest change was an upgrade
 * caused by the refunded order and the metric no longer reaches that tier's threshold, they go
 * back at once (no grace) to the tier the metric supports.
 */
export function refundReversal(tiers: Tier[], value: MetricValue, state: TierState, lastUpgradeCause: string | null, orderId: string): Tier | null | undefined {
  if (!state.tierId || lastUpgradeCause !== orderId) return undefined;
  const current = ranked(tiers).find((t) => t.id === state.tierId);
  const v = Math.max(value.current, value.previous);
  if (!current || v >= current.threshold) return undefined;
  return qualifiedTier(tiers, v);
}

/** Where the customer stands: the next tier and what it still needs, and by when (calendar year). */
export function progress(tiers: Tier[], settings: TierSettings, value: MetricValue, currentTierId: string | null, now: Date) {
  const currentRank = ranked(tiers).findIndex((t) => t.id === currentTierId);
  const next = ranked(tiers)[currentRank + 1] ?? null;
  if (!next) return null;
  const v = settings.period === 'calendar_year' ? value.current : Math.max(value.current, value.previous);
  return {
    next_tier_id: next.id,
    next_tier_name: next.name,
    metric: settings.metric,
    current: v,
    needed: Math.max(0, next.threshold - v),
    by: settings.period === 'calendar_year' ? new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1)).toISOString() : null,
  };
}

/**
 * Until when the current status holds without further activity (before any grace): never for
 * lifetime; the end of the year after the last year that supports it for calendar years; for
 * rolling 12 months, when enough of the window's events will have slid out (`events` are the
 * window's contributions, oldest first).
 */
export function statusUntil(tier: Tier | null, settings: TierSettings, value: MetricValue, events: { at: Date; amount: number }[], now: Date): Date | null {
  if (!tier || settings.period === 'lifetime') return null;
  const keep = tier.retain_threshold ?? tier.threshold;
  const year = now.getUTCFullYear();
  if (settings.period === 'calendar_year') {
    if (value.current >= keep) return new Date(Date.UTC(year + 2, 0, 1));
    return new Date(Date.UTC(year + 1, 0, 1));
  }
  let total = value.current;
  for (const e of events) {
    total -= e.amount;
    if (total < keep) {
      const out = new Date(e.at.getTime());
      out.setUTCFullYear(out.getUTCFullYear() + 1);
      return out;
    }
  }
  return null;
}

/** A tier's thresholds make sense: retain at most the threshold; multiplier from 1× with two decimals. */
export function validateTier(t: { threshold: number; retain_threshold?: number | null; earn_multiplier?: number }): void {
  if (t.retain_threshold !== undefined && t.retain_threshold !== null && t.retain_threshold > t.threshold) {
    throw invalidRequest('parameter_invalid', 'retain_threshold must not exceed threshold.', 'retain_threshold');
  }
  if (t.earn_multiplier !== undefined && Math.round(t.earn_multiplier * 100) !== t.earn_multiplier * 100) {
    throw invalidRequest('parameter_invalid', 'earn_multiplier takes at most two decimals.', 'earn_multiplier');
  }
}
