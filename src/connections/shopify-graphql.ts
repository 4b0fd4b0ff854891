import type { LineItem } from '../platform/db/schema.ts';
import { booleanAt, countAt, dateAt, listAt, moneyAt, objectAt, requiredText, textAt, type Json } from './payload.ts';
import { tagList, type StoreOrder, type StoreRefund } from './store-order.ts';

/** A GraphQL id's numeric tail, as the REST API and webhooks name the same object (`gid://shopify/LineItem/123` → `123`). */
const legacyId = (gid: string | undefined) => gid?.split('?')[0]?.split('/').pop();
const idOf = (json: Json | undefined, key: string) => (json ? textAt(objectAt(json, key) ?? {}, 'legacyResourceId') : undefined);

/**
 * An order node of Shopify's Admin GraphQL API (the reconciliation query in store-api.ts), read as
 * the same StoreOrder a webhook's REST body gives, so both go through one snapshot path.
 */
export function shopifyGraphqlOrder(node: Json): StoreOrder {
  const externalId = requiredText(node, 'legacyResourceId', 'order');
  const currency = requiredText(node, 'currencyCode', 'order').toUpperCase();
  const money = (key: string) => moneyAt(node, key, currency);
  const lines = listAt(objectAt(node, 'lineItems') ?? {}, 'nodes').map((line) => lineItem(line, currency));
  const customer = objectAt(node, 'customer');
  const financial = textAt(node, 'displayFinancialStatus') ?? 'PENDING';
  const paid = ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(financial);
  const email = textAt(node, 'email');
  return {
    externalId,
    updatedAt: dateAt(node, 'updatedAt'),
    createdAt: dateAt(node, 'createdAt') ?? new Date(0),
    currency,
    subtotal: lines.reduce((sum, line) => sum + line.quantity * line.unit_price, 0),
    discount: money('totalDiscountsSet'),
    shipping: money('totalShippingPriceSet'),
    tax: money('totalTaxSet'),
    total: money('totalPriceSet'),
    lineItems: lines,
    discountCodes: Array.isArray(node.discountCodes) ? node.discountCodes.map(String) : [],
    customer: customer && textAt(customer, 'legacyResourceId')
      ? { externalId: textAt(customer, 'legacyResourceId')!, email, firstName: textAt(customer, 'firstName'), lastName: textAt(customer, 'lastName'), tags: tagList(customer.tags), marketingConsent: undefined }
      : undefined,
    email,
    test: booleanAt(node, 'test') ?? false,
    channel: textAt(node, 'sourceName') ?? 'web',
    stage: paid && textAt(node, 'displayFulfillmentStatus') === 'FULFILLED' ? 'fulfilled' : paid ? 'paid' : 'created',
    cancelled: textAt(node, 'cancelledAt') !== undefined || financial === 'VOIDED',
    refunds: (Array.isArray(node.refunds) ? (node.refunds as Json[]) : []).map((refund) => graphqlRefund(refund, externalId)),
  };
}

function lineItem(line: Json, currency: string): LineItem {
  const id = legacyId(textAt(line, 'id'));
  const product = idOf(line, 'product');
  const variant = idOf(line, 'variant');
  const sku = textAt(line, 'sku');
  return {
    ...(id ? { line_id: id } : {}),
    product_id: product ?? `line:${id ?? 'unknown'}`,
    ...(variant ? { variant_id: variant } : {}),
    ...(sku ? { sku } : {}),
    title: textAt(line, 'title') ?? '',
    quantity: countAt(line, 'quantity'),
    unit_price: moneyAt(line, 'originalUnitPriceSet', currency),
  };
}

function graphqlRefund(refund: Json, orderExternalId: string): StoreRefund {
  const lines = listAt(objectAt(refund, 'refundLineItems') ?? {}, 'nodes');
  return {
    externalId: requiredText(refund, 'legacyResourceId', 'refund'),
    orderExternalId,
    lineItems: lines.map((r) => {
      const line = objectAt(r, 'lineItem') ?? {};
      const id = legacyId(textAt(line, 'id'));
      const variant = idOf(line, 'variant');
      return { ...(id ? { line_id: id } : {}), product_id: idOf(line, 'product') ?? `line:${id ?? 'unknown'}`, ...(variant ? { variant_id: variant } : {}), quantity: countAt(r, 'quantity') };
    }),
    amount: lines.reduce((sum, r) => {
      const code = textAt(objectAt(objectAt(r, 'subtotalSet') ?? {}, 'shopMoney') ?? {}, 'currencyCode');
      return sum + (code ? moneyAt(r, 'subtotalSet', code) : 0);
    }, 0),
  };
}
