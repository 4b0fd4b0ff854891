import type { Db } from '../platform/db/database.ts';
import { progress, statusUntil } from './tier.ts';
import { lifetimeMetric, metricValues, tierProgram, windowEvents, type LifetimeTotals } from './tier-store.ts';

const DAY_MS = 86_400_000;

/** A customer's tier as the customer object shows it: since, until, in grace or not, and progress. */
export async function describeTier(db: Db, programId: string, customer: LifetimeTotals & { id: string; tier_id: string | null; tier_since: Date | null; tier_unsupported_since: Date | null }, now: Date) {
  const { tiers, settings } = await tierProgram(db, programId);
  if (tiers.length === 0 && !customer.tier_id) return { tier: null, tier_progress: null };
  const value = lifetimeMetric(customer, settings) ?? (await metricValues(db, programId, [customer.id], settings, now)).get(customer.id)!;
  const tier = tiers.find((t) => t.id === customer.tier_id) ?? null;
  const until = tier ? statusUntil(tier, settings, value, await windowEvents(db, programId, customer.id, settings, now), now) : null;
  const downgradeOn = customer.tier_unsupported_since ? new Date(new Date(customer.tier_unsupported_since).getTime() + settings.graceDays * DAY_MS) : null;
  return {
    tier: tier && {
      id: tier.id,
      name: tier.name,
      since: customer.tier_since ? new Date(customer.tier_since).toISOString() : null,
      until: until ? new Date(until.getTime() + settings.graceDays * DAY_MS).toISOString() : null,
      earn_multiplier: tier.multiplier_hundredths / 100,
      perks: tier.perks,
      downgrade_on: downgradeOn?.toISOString() ?? null,
    },
    tier_progress: progress(tiers, settings, value, customer.tier_id, now),
  };
}
