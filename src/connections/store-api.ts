import { RegularsError } from '../platform/errors.ts';
import { parseExactJson } from '../platform/exact-json.ts';
import { adminTokenOf, apiBaseOf, type ConnectionRow } from './connection-store.ts';
import { isObject, listAt, objectAt, textAt, type Json } from './payload.ts';
import { shopifyGraphqlOrder } from './shopify-graphql.ts';
import type { StoreOrder } from './store-order.ts';
import type { SecretBox } from '../platform/secrets.ts';
import { wooCommerceOrder } from './woocommerce.ts';

/** The Shopify Admin API version Regulars speaks (supported for a year from its release). */
export const SHOPIFY_API_VERSION = '2025-10';
const TIMEOUT_MS = 30_000;

/** A store's Admin API refusing or failing a call: said plainly in the connection's health. */
export class StoreApiError extends RegularsError {
  constructor(message: string) {
    super('unavailable', 'store_api_failed', message);
  }
}

async function call(url: string, init: RequestInit): Promise<{ json: unknown; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new StoreApiError(`The store's API at ${new URL(url).origin} could not be reached (${(error as Error).message}).`);
  }
  const text = await response.text();
  if (response.status === 401 || response.status === 403) throw new StoreApiError(`The store's API refused the connection's access token (HTTP ${response.status}).`);
  if (!response.ok) throw new StoreApiError(`The store's API answered HTTP ${response.status}.`);
  try {
    return { json: parseExactJson(text), headers: response.headers };
  } catch {
    throw new StoreApiError("The store's API answered something that is not JSON.");
  }
}

function token(connection: ConnectionRow, secrets: SecretBox): string {
  const value = adminTokenOf(connection, secrets);
  if (!value) throw new RegularsError('invalid_request', 'admin_token_missing', 'This needs the connection’s admin_access_token (PATCH /v1/connections/{id}).', 'admin_access_token');
  return value;
}

const ORDERS_QUERY = `query RegularsOrders($query: String!, $after: String) {
  orders(first: 50, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      legacyResourceId updatedAt createdAt currencyCode test sourceName email cancelledAt
      displayFinancialStatus displayFulfillmentStatus discountCodes
      totalDiscountsSet { shopMoney { amount } }
      totalShippingPriceSet { shopMoney { amount } }
      totalTaxSet { shopMoney { amount } }
      totalPriceSet { shopMoney { amount } }
      customer { legacyResourceId firstName lastName tags }
      lineItems(first: 250) { nodes { id sku title quantity product { legacyResourceId } variant { legacyResourceId } originalUnitPriceSet { shopMoney { amount } } } }
      refunds(first: 50) { legacyResourceId createdAt refundLineItems(first: 250) { nodes { quantity lineItem { id product { legacyResourceId } variant { legacyResourceId } } subtotalSet { shopMoney { amount currencyCode } } } } }
    }
  }
}`;

export async function shopifyGraphql(connection: ConnectionRow, secrets: SecretBox, query: string, variables: Record<string, unknown>): Promise<Json> {
  const { json } = await call(`${apiBaseOf(connection)}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': token(connection, secrets) },
    body: JSON.stringify({ query, variables }),
  });
  if (!isObject(json)) throw new StoreApiError("Shopify's GraphQL API answered something that is not an object.");
  const errors = listAt(json, 'errors');
  if (errors.length > 0) throw new StoreApiError(`Shopify's GraphQL API: ${errors.map((e) => textAt(e, 'message')).join('; ')}`);
  return objectAt(json, 'data') ?? {};
}

/** Orders the store changed since `since`, a page at a time, oldest change first. */
export async function* ordersUpdatedSince(connection: ConnectionRow, secrets: SecretBox, since: Date): AsyncGenerator<StoreOrder[]> {
  if (connection.platform === 'shopify') {
    let after: string | undefined;
    for (;;) {
      const data = await shopifyGraphql(connection, secrets, ORDERS_QUERY, { query: `updated_at:>='${since.toISOString()}'`, after: after ?? null });
      const orders = objectAt(data, 'orders') ?? {};
      yield listAt(orders, 'nodes').map(shopifyGraphqlOrder);
      const page = objectAt(orders, 'pageInfo') ?? {};
      if (page.hasNextPage !== true) return;
      after = textAt(page, 'endCursor');
    }
  }
  const [key, secret] = token(connection, secrets).split(':');
  const authorization = `Basic ${Buffer.from(`${key}:${secret ?? ''}`).toString('base64')}`;
  for (let page = 1; ; page++) {
    const url = `${apiBaseOf(connection)}/wp-json/wc/v3/orders?modified_after=${encodeURIComponent(since.toISOString().slice(0, 19))}&dates_are_gmt=true&orderby=modified&order=asc&per_page=100&page=${page}`;
    const { json, headers } = await call(url, { headers: { authorization } });
    if (!Array.isArray(json)) throw new StoreApiError("WooCommerce's REST API answered something that is not a list of orders.");
    yield json.filter(isObject).map(wooCommerceOrder);
    if (page >= Number(headers.get('x-wp-totalpages') ?? '1')) return;
  }
}

/** Shopify customer tags written by Regulars: added and removed by GraphQL mutations on the customer. */
export async function writeShopifyTags(connection: ConnectionRow, secrets: SecretBox, customerId: string, add: string[], remove: string[]): Promise<void> {
  const id = `gid://shopify/Customer/${customerId}`;
  for (const [mutation, tags] of [['tagsAdd', add], ['tagsRemove', remove]] as const) {
    if (tags.length === 0) continue;
    const data = await shopifyGraphql(connection, secrets, `mutation RegularsTags($id: ID!, $tags: [String!]!) { ${mutation}(id: $id, tags: $tags) { userErrors { field message } } }`, { id, tags });
    const userErrors = listAt(objectAt(data, mutation) ?? {}, 'userErrors');
    if (userErrors.length > 0) throw new StoreApiError(`Shopify refused the customer tags: ${userErrors.map((e) => textAt(e, 'message')).join('; ')}`);
  }
}

/** WooCommerce customer meta written by Regulars (`regulars_tier`, `regulars_member`). */
export async function writeWooCommerceMeta(connection: ConnectionRow, secrets: SecretBox, customerId: string, meta: Record<string, string>): Promise<void> {
  const [key, secret] = token(connection, secrets).split(':');
  await call(`${apiBaseOf(connection)}/wp-json/wc/v3/customers/${encodeURIComponent(customerId)}`, {
    method: 'PUT',
    headers: { authorization: `Basic ${Buffer.from(`${key}:${secret ?? ''}`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ meta_data: Object.entries(meta).map(([k, value]) => ({ key: k, value })) }),
  });
}
