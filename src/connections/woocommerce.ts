import type { LineItem } from '../platform/db/schema.ts';
import { countAt, dateAt, listAt, moneyAt, objectAt, requiredText, textAt, type Json } from './payload.ts';
import type { StoreCustomer, StoreOrder, StoreRefund } from './store-order.ts';

export const WOOCOMMERCE_HEADERS = {
  signature: 'x-wc-webhook-signature',
  topic: 'x-wc-webhook-topic',
  deliveryId: 'x-wc-webhook-delivery-id',
  webhookId: 'x-wc-webhook-id',
} as const;

/** WooCommerce's creation ping: a form body `webhook_id=<id>`, unsigned, that must get a 200. */
export const isWooCommercePing = (body: string) => /^webhook_id=\d+$/.test(body.trim());

export function wooCommerceSubject(topic: string, body: Json): string {
  if (topic.startsWith('order.')) return `order:${textAt(body, 'id') ?? 'unknown'}`;
  if (topic.startsWith('customer.')) return `customer:${textAt(body, 'id') ?? 'unknown'}`;
  return 'shop';
}

const CANCELLED = new Set(['cancelled', 'failed', 'trash']);

/**
 * A WooCommerce REST v3 order (the body of order.created / order.updated): its state when sent
 * (WooCommerce builds the body at delivery time and coalesces updates). Refunds come as
 * `refunds[]` with negative totals; a `refunded` order without refund records is refunded in full.
 */
export function wooCommerceOrder(order: Json): StoreOrder {
  const externalId = requiredText(order, 'id', 'order');
  const currency = requiredText(order, 'currency', 'order').toUpperCase();
  const lines = listAt(order, 'line_items');
  const status = textAt(order, 'status') ?? 'pending';
  const customerId = textAt(order, 'customer_id');
  const billing = objectAt(order, 'billing') ?? {};
  const email = textAt(billing, 'email');
  const refunds = listAt(order, 'refunds').map((r): StoreRefund => ({
    externalId: requiredText(r, 'id', 'refund'),
    orderExternalId: externalId,
    lineItems: [],
    amount: Math.abs(moneyAt(r, 'total', currency)),
  }));
  if (status === 'refunded' && refunds.length === 0) refunds.push({ externalId: `order-${externalId}-refunded`, orderExternalId: externalId, lineItems: [], amount: 0, rest: true });
  return {
    externalId,
    updatedAt: dateAt(order, 'date_modified_gmt', { utcWithoutZone: true }),
    createdAt: dateAt(order, 'date_created_gmt', { utcWithoutZone: true }) ?? new Date(0),
    currency,
    subtotal: lines.reduce((sum, line) => sum + moneyAt(line, 'subtotal', currency), 0),
    discount: moneyAt(order, 'discount_total', currency),
    shipping: moneyAt(order, 'shipping_total', currency),
    tax: moneyAt(order, 'total_tax', currency),
    total: moneyAt(order, 'total', currency),
    lineItems: lines.map((line) => lineItem(line, currency)),
    discountCodes: listAt(order, 'coupon_lines').map((c) => textAt(c, 'code')).filter((c): c is string => c !== undefined),
    customer:
      customerId && customerId !== '0'
        ? { externalId: customerId, email, firstName: textAt(billing, 'first_name'), lastName: textAt(billing, 'last_name'), tags: [], marketingConsent: undefined }
        : undefined,
    email,
    test: false,
    channel: textAt(order, 'created_via') ?? 'checkout',
    stage: status === 'completed' || status === 'refunded' ? 'fulfilled' : status === 'processing' ? 'paid' : 'created',
    cancelled: CANCELLED.has(status),
    refunds,
  };
}

function lineItem(line: Json, currency: string): LineItem {
  const variation = textAt(line, 'variation_id');
  const sku = textAt(line, 'sku');
  const quantity = countAt(line, 'quantity');
  // `subtotal` is the line before coupons; the unit price is that over the quantity.
  const subtotal = moneyAt(line, 'subtotal', currency);
  return {
    product_id: requiredText(line, 'product_id', 'line item'),
    ...(variation && variation !== '0' ? { variant_id: variation } : {}),
    ...(sku ? { sku } : {}),
    title: textAt(line, 'name') ?? '',
    quantity,
    unit_price: quantity > 0 ? Math.floor(subtotal / quantity) : 0,
  };
}

/** A WooCommerce customer (customer.created, customer.updated). */
export function wooCommerceCustomer(customer: Json): StoreCustomer {
  return {
    externalId: requiredText(customer, 'id', 'customer'),
    email: textAt(customer, 'email'),
    firstName: textAt(customer, 'first_name'),
    lastName: textAt(customer, 'last_name'),
    tags: [],
    marketingConsent: undefined,
  };
}
