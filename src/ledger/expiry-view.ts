import type { Db } from '../platform/db/database.ts';
import { inactivityDeadline, lotDeadline, type ExpiryPolicy } from './expiry-policy.ts';

export interface PointsExpiry {
  policy: ExpiryPolicy['policy'];
  next: { points: number; expires_at: string } | null;
  /** Fixed policy: every lot still holding points, oldest first. */
  lots: { points: number; earned_at: string; expires_at: string }[];
}

/** When a customer's available points expire under the program's policy. */
export async function describeExpiry(
  db: Db,
  customer: { id: string; points_available: number; last_activity_at: Date | null; created_at: Date },
  policy: ExpiryPolicy,
): Promise<PointsExpiry> {
  if (policy.policy === 'none' || customer.points_available <= 0) return { policy: policy.policy, next: null, lots: [] };
  if (policy.policy === 'inactivity') {
    const deadline = inactivityDeadline(new Date(customer.last_activity_at ?? customer.created_at), policy)!;
    return { policy: policy.policy, next: { points: customer.points_available, expires_at: deadline.toISOString() }, lots: [] };
  }
  const rows = await db
    .selectFrom('point_lots')
    .select(['points_remaining', 'earned_at', 'available_at'])
    .where('customer_id', '=', customer.id)
    .where('points_remaining', '>', 0)
    .orderBy('earned_at')
    .execute();
  const lots = rows
    .map((r) => ({ points: r.points_remaining, earned_at: new Date(r.earned_at), expires_at: lotDeadline({ earned_at: new Date(r.earned_at), available_at: new Date(r.available_at) }, policy)! }))
    .sort((a, b) => a.expires_at.getTime() - b.expires_at.getTime());
  const first = lots[0];
  const next = first ? { points: lots.filter((l) => l.expires_at.getTime() === first.expires_at.getTime()).reduce((s, l) => s + l.points, 0), expires_at: first.expires_at.toISOString() } : null;
  return { policy: policy.policy, next, lots: lots.map((l) => ({ points: l.points, earned_at: l.earned_at.toISOString(), expires_at: l.expires_at.toISOString() })) };
}
