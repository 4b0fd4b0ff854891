import type { CustomerRow } from './customer-store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentCustomer(row: CustomerRow, currency: string) {
  return {
    object: 'customer' as const,
    id: row.id,
    external_id: row.external_id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    birthday: row.birthday,
    marketing_consent: row.marketing_consent,
    locale: row.locale,
    time_zone: row.time_zone,
    tags: row.tags,
    metadata: row.metadata,
    cause_id: row.cause_id,
    points_balance: row.points_available,
    points_pending: row.points_pending,
    points_reserved: row.points_reserved,
    store_credit: row.store_credit_minor,
    store_credit_pending: row.store_credit_pending_minor,
    tier_id: row.tier_id,
    in_holdout: row.in_holdout,
    points_earned_lifetime: row.points_earned_lifetime,
    orders_count: row.orders_count,
    total_spent: row.total_spent_minor,
    currency,
    first_order_at: iso(row.first_order_at),
    last_order_at: iso(row.last_order_at),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}
