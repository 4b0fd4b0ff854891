import type { LineItem } from '../platform/db/schema.ts';
import { booleanAt, countAt, dateAt, isObject, listAt, moneyAt, objectAt, requiredText, textAt, type Json } from './payload.ts';
import { tagList, type StoreCustomer, type StoreOrder, type StoreRefund } from './store-order.ts';

/** Shopify's webhook headers (names are case-insensitive; Node gives them lower-cased). */
export const SHOPIFY_HEADERS = {
  hmac: 'x-shopify-hmac-sha256',
  topic: 'x-shopify-topic',
  webhookId: 'x-shopify-webhook-id',
  eventId: 'x-shopify-event-id',
  shopDomain: 'x-shopify-shop-domain',
} as const;

/** Topics whose body is the order itself. (orders/edited carries an order_edit, not the order: the orders/updated that follows has it.) */
export const SHOPIFY_ORDER_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/paid', 'orders/fulfilled', 'orders/partially_fulfilled', 'orders/cancelled']);

/** What a delivery is about, so deliveries of one order (or customer) are applied one at a time. */
export function shopifySubject(topic: string, body: Json): string {
  if (SHOPIFY_ORDER_TOPICS.has(topic)) return `order:${textAt(body, 'id') ?? textAt(body, 'order_id') ?? 'unknown'}`;
  if (topic === 'refunds/create') return `order:${textAt(body, 'order_id') ?? 'unknown'}`;
  if (topic.startsWith('customers/')) return `customer:${textAt(objectAt(body, 'customer') ?? body, 'id') ?? 'unknown'}`;
  return 'shop';
}

/** A Shopify REST Order (the body of the orders/* topics), in the shop's currency. */
export function shopifyOrder(order: Json): StoreOrder {
  const externalId = requiredText(order, 'id', 'order');
  const currency = requiredText(order, 'currency', 'order').toUpperCase();
  const money = (key: string) => moneyAt(order, `${key}_set`, currency) || moneyAt(order, key, currency);
  const lines = listAt(order, 'line_items');
  const customer = objectAt(order, 'customer');
  const financial = textAt(order, 'financial_status') ?? 'pending';
  const paid = ['paid', 'partially_refunded', 'refunded'].includes(financial);
  return {
    externalId,
    updatedAt: dateAt(order, 'updated_at'),
    createdAt: dateAt(order, 'created_at') ?? dateAt(order, 'processed_at') ?? new Date(0),
    currency,
    subtotal: money('total_line_items_price'),
    discount: money('total_discounts'),
    shipping: moneyAt(order, 'total_shipping_price_set', currency),
    tax: money('total_tax'),
    total: money('total_price'),
    lineItems: lines.map((line) => lineItem(line, currency)),
    discountCodes: listAt(order, 'discount_codes').map((d) => textAt(d, 'code')).filter((c): c is string => c !== undefined),
    customer: customer && textAt(customer, 'id') ? shopifyCustomer(customer) : undefined,
    email: textAt(order, 'email') ?? textAt(order, 'contact_email') ?? (customer && textAt(customer, 'email')),
    test: booleanAt(order, 'test') ?? false,
    channel: textAt(order, 'source_name') ?? 'web',
    stage: paid && textAt(order, 'fulfillment_status') === 'fulfilled' ? 'fulfilled' : paid ? 'paid' : 'created',
    cancelled: textAt(order, 'cancelled_at') !== undefined || financial === 'voided',
    refunds: listAt(order, 'refunds').map((refund) => shopifyRefund({ order_id: externalId, ...refund }, lines)),
  };
}

function lineItem(line: Json, currency: string): LineItem {
  const product = textAt(line, 'product_id');
  const variant = textAt(line, 'variant_id');
  const sku = textAt(line, 'sku');
  const id = textAt(line, 'id');
  return {
    ...(id ? { line_id: id } : {}),
    // A custom line (no product) is still a line of its own, named by its id.
    product_id: product ?? `line:${id ?? 'unknown'}`,
    ...(variant ? { variant_id: variant } : {}),
    ...(sku ? { sku } : {}),
    title: textAt(line, 'title') ?? textAt(line, 'name') ?? '',
    quantity: countAt(line, 'quantity'),
    unit_price: moneyAt(line, 'price_set', currency) || moneyAt(line, 'price', currency),
  };
}

/**
 * A Shopify Refund (refunds/create, or one embedded in an order). Its lines name the order's line
 * items; `orderLines` resolves those ids when the refund does not embed its line items.
 */
export function shopifyRefund(refund: Json, orderLines: Json[] = []): StoreRefund {
  const lineItems = listAt(refund, 'refund_line_items').map((r) => {
    const embedded = objectAt(r, 'line_item') ?? orderLines.find((l) => textAt(l, 'id') === textAt(r, 'line_item_id')) ?? {};
    const variant = textAt(embedded, 'variant_id');
    const lineId = textAt(r, 'line_item_id');
    return { ...(lineId ? { line_id: lineId } : {}), product_id: textAt(embedded, 'product_id') ?? `line:${lineId ?? 'unknown'}`, ...(variant ? { variant_id: variant } : {}), quantity: countAt(r, 'quantity') };
  });
  const currency = currencyOf(refund);
  const merchandise = listAt(refund, 'refund_line_items').reduce((sum, r) => sum + (currency ? moneyAt(r, 'subtotal_set', currency) : 0), 0);
  return { externalId: requiredText(refund, 'id', 'refund'), orderExternalId: requiredText(refund, 'order_id', 'refund'), lineItems, amount: merchandise };
}

/** The shop currency a refund's amounts are in (its *_set.shop_money.currency_code). */
function currencyOf(refund: Json): string | undefined {
  for (const line of listAt(refund, 'refund_line_items')) {
    const code = textAt(objectAt(objectAt(line, 'subtotal_set') ?? {}, 'shop_money') ?? {}, 'currency_code');
    if (code) return code.toUpperCase();
  }
  const transaction = listAt(refund, 'transactions')[0];
  return transaction ? textAt(transaction, 'currency')?.toUpperCase() : undefined;
}

/** A Shopify Customer (customers/create, customers/update, or embedded in an order). */
export function shopifyCustomer(customer: Json): StoreCustomer {
  const consent = objectAt(customer, 'email_marketing_consent');
  const state = consent ? textAt(consent, 'state') : undefined;
  return {
    externalId: requiredText(customer, 'id', 'customer'),
    email: textAt(customer, 'email'),
    firstName: textAt(customer, 'first_name'),
    lastName: textAt(customer, 'last_name'),
    tags: tagList(customer.tags),
    marketingConsent: state ? state === 'subscribed' : booleanAt(customer, 'accepts_marketing'),
    ...(textAt(customer, 'locale') ? { locale: textAt(customer, 'locale') } : {}),
  };
}

/** The customer a compliance (privacy) topic is about: customers/data_request, customers/redact. */
export function shopifyPrivacySubject(body: Json): { externalId: string | undefined; email: string | undefined; requestId: string | undefined } {
  const customer = isObject(body.customer) ? body.customer : {};
  return { externalId: textAt(customer, 'id'), email: textAt(customer, 'email'), requestId: textAt(objectAt(body, 'data_request') ?? {}, 'id') };
}
