/** A program's points expiry policy, and the deadlines it gives. Pure. */
export interface ExpiryPolicy {
  policy: 'none' | 'fixed' | 'inactivity';
  days: number | null;
  months: number | null;
  /** How many days before a deadline `points.expiring_soon` is announced; 0 for never. */
  warningDays: number;
}

const DAY_MS = 86_400_000;

/** `at` plus the policy's period; months land on the same day, or the month's last day. */
export function addPeriod(at: Date, period: { days: number | null; months: number | null }): Date {
  if (period.days) return new Date(at.getTime() + period.days * DAY_MS);
  const months = period.months ?? 0;
  const target = new Date(at.getTime());
  const day = at.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** When a lot expires under a fixed policy: its period after it was earned, never before it was available. */
export function lotDeadline(lot: { earned_at: Date; available_at: Date }, policy: ExpiryPolicy): Date | null {
  if (policy.policy !== 'fixed') return null;
  const deadline = addPeriod(lot.earned_at, policy);
  return deadline < lot.available_at ? lot.available_at : deadline;
}

/** When a whole balance expires under an inactivity policy. */
export function inactivityDeadline(lastActivity: Date, policy: ExpiryPolicy): Date | null {
  return policy.policy === 'inactivity' ? addPeriod(lastActivity, policy) : null;
}

/** Whether a deadline is close enough to announce. */
export function withinWarning(deadline: Date, now: Date, policy: ExpiryPolicy): boolean {
  return policy.warningDays > 0 && deadline > now && deadline.getTime() - now.getTime() <= policy.warningDays * DAY_MS;
}
