import type { Tx } from '../platform/db/database.ts';
import type { Bonus } from '../earning/purchase-earning.ts';
import { plansInForce } from '../memberships/membership.ts';
import { membershipsOf, programPlans, toMembership } from '../memberships/membership-store.ts';
import { ranked } from '../tiers/tier.ts';
import { tierProgram } from '../tiers/tier-store.ts';

export interface MemberBenefits {
  /** The higher of the tier earned and a tier an active membership grants. */
  tierId: string | null;
  /** Earn multipliers in force: the tier's, then each active plan's. */
  bonuses: Bonus[];
  /** Plans whose member-only rewards the customer may redeem. */
  planIds: string[];
}

/** What tiers and paid memberships give each customer now, in one query for all of them. */
export async function memberBenefits(tx: Tx, programId: string, customers: { id: string; tier_id: string | null }[], now: Date): Promise<Map<string, MemberBenefits>> {
  const { tiers } = await tierProgram(tx, programId);
  const plans = await programPlans(tx, programId);
  const rows = plans.length > 0 ? await membershipsOf(tx, customers.map((c) => c.id)) : [];
  const order = ranked(tiers);
  return new Map(
    customers.map((c) => {
      const inForce = plansInForce(plans, rows.filter((r) => r.customer_id === c.id).map(toMembership), now);
      const candidates = [c.tier_id, ...inForce.map((p) => p.tier_id)].filter((id): id is string => id !== null && order.some((t) => t.id === id));
      const tier = candidates.map((id) => order.find((t) => t.id === id)!).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
      const bonuses: Bonus[] = [
        ...(tier && tier.multiplier_hundredths !== 100 ? [{ name: tier.name, multiplier_hundredths: tier.multiplier_hundredths }] : []),
        ...inForce.filter((p) => p.multiplier_hundredths !== 100).map((p) => ({ name: p.name, multiplier_hundredths: p.multiplier_hundredths })),
      ];
      return [c.id, { tierId: tier?.id ?? c.tier_id, bonuses, planIds: inForce.map((p) => p.id) }];
    }),
  );
}
