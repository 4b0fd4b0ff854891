import type { Discount } from '../rewards/reward.ts';
import type { RedemptionRow } from './redemption-store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentRedemption(r: RedemptionRow) {
  return {
    object: 'redemption' as const,
    id: r.id,
    customer_id: r.customer_id,
    reward_id: r.reward_id,
    status: r.status,
    points: r.points,
    code: r.code,
    discount: r.discount as unknown as Discount,
    expires_at: iso(r.expires_at),
    order_id: r.order_id,
    used_at: iso(r.used_at),
    voided_at: iso(r.voided_at),
    void_reason: r.void_reason,
    expired_at: iso(r.expired_at),
    created_at: iso(r.created_at)!,
  };
}
