import { invalidRequest } from '../platform/errors.ts';

/** Paid memberships: plans, and whether a membership gives its benefits now. Pure. */
export interface MembershipPlan {
  id: string;
  name: string;
  price_minor: number;
  interval: 'month' | 'year' | 'fixed';
  term_days: number | null;
  multiplier_hundredths: number;
  periodic_reward_id: string | null;
  tier_id: string | null;
  perks: string[];
  join_url: string | null;
  active: boolean;
}

export type MembershipStatus = 'active' | 'past_due' | 'cancelled' | 'expired';

export interface Membership {
  plan_id: string;
  status: MembershipStatus;
  current_period_start: Date;
  current_period_end: Date;
}

/** Benefits apply only while the membership is active and its paid period has not ended. */
export function givesBenefits(m: Membership, now: Date): boolean {
  return m.status === 'active' && m.current_period_start <= now && now < m.current_period_end;
}

/** A fixed-term plan has a term in days; a billed one (monthly, yearly) does not. */
export function validatePlan(p: { interval: MembershipPlan['interval']; term_days?: number | null }): void {
  if (p.interval === 'fixed' && !p.term_days) throw invalidRequest('parameter_missing', 'A fixed-term plan needs term_days.', 'term_days');
  if (p.interval !== 'fixed' && p.term_days) throw invalidRequest('parameter_unknown', 'term_days applies to fixed-term plans; billed plans get their periods from the billing system.', 'term_days');
}

/** The plans whose benefits a customer enjoys now. */
export function plansInForce(plans: MembershipPlan[], memberships: Membership[], now: Date): MembershipPlan[] {
  return memberships.filter((m) => givesBenefits(m, now)).flatMap((m) => plans.filter((p) => p.id === m.plan_id));
}
