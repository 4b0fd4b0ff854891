import type { PostedAward } from '../earning/award-posting.ts';
import type { LineItem } from '../platform/db/schema.ts';
import type { awardsOfOrder, OrderRow, RefundRow } from './order-store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

type StoredAward = Awaited<ReturnType<typeof awardsOfOrder>>[number];

export function presentOrder(order: OrderRow, awards: (PostedAward | StoredAward)[]) {
  return {
    object: 'order' as const,
    id: order.id,
    external_id: order.external_id,
    store_id: order.store_id,
    customer_id: order.customer_id,
    currency: order.currency,
    subtotal: order.subtotal_minor,
    total: order.total_minor,
    shipping: order.shipping_minor,
    tax: order.tax_minor,
    discount: order.discount_minor,
    refunded: order.refunded_minor,
    line_items: order.line_items as LineItem[],
    discount_codes: order.discount_codes,
    status: order.status,
    placed_at: iso(order.placed_at),
    cancelled_at: order.cancelled_at ? iso(order.cancelled_at) : null,
    points_earned: order.points_earned,
    points_reversed: order.points_reversed,
    points_forgiven: order.points_forgiven,
    awards: awards.map(presentAward),
    metadata: order.metadata,
    created_at: iso(order.created_at),
  };
}

function presentAward(a: PostedAward | StoredAward) {
  if ('transaction_id' in a) {
    return { transaction_id: a.transaction_id, rule_id: a.rule_id, points: a.points, status: a.status, available_at: iso(a.available_at), explanation: a.explanation.summary };
  }
  const pending = a.account === 'customer:pending';
  return {
    transaction_id: a.id,
    rule_id: a.rule_id,
    points: a.points,
    status: pending ? ('pending' as const) : ('available' as const),
    available_at: iso(pending && a.available_at ? a.available_at : a.created_at),
    explanation: (a.explanation as { summary: string }).summary,
  };
}

export function presentRefund(refund: RefundRow) {
  return {
    object: 'refund' as const,
    id: refund.id,
    external_id: refund.external_id,
    order_id: refund.order_id,
    amount: refund.amount_minor,
    points_reversed: refund.points_reversed,
    points_forgiven: refund.points_forgiven,
    created_at: iso(refund.created_at),
  };
}
