import type { NewOrder } from '../../orders/order-store.ts';
import type { LineItem } from '../../platform/db/schema.ts';
import { isCalendarDate } from '../../platform/calendar-date.ts';
import { parseMoney } from '../../platform/money.ts';

/**
 * One order of an import file, validated: the file's own order id (or one made from the customer,
 * the day and the order's rank that day, so a re-import finds the same ids), the customer's key,
 * and money in minor units.
 */
export interface ImportedOrder extends Pick<NewOrder, 'external_id' | 'currency' | 'subtotal' | 'total' | 'shipping' | 'tax' | 'discount'> {
  line: number;
  customer_external_id: string | null;
  email: string | null;
  /** ISO 8601, as the COPY into the staging table wants it. */
  placed_at: string;
  /** What was bought, where the source says (the demo store and Shopify's export do; the plain format does not). */
  line_items?: LineItem[];
}

export type RowResult = { ok: ImportedOrder } | { error: string } | { skip: true };
export type ImportFormat = 'plain' | 'shopify';

/** Which format a header is: the plain `customer_id,date,amount` family or Shopify's orders export. */
export function detectFormat(header: string[]): ImportFormat | undefined {
  if (['customer_id', 'date', 'amount'].every((c) => header.includes(c))) return 'plain';
  if (['Name', 'Email', 'Created at', 'Total'].every((c) => header.includes(c))) return 'shopify';
  return undefined;
}

/**
 * A row of the plain format: `customer_id,email,order_id,date,amount,currency` (email, order_id and
 * currency optional). `seen` counts each shopper's orders per day (an order without an id is
 * numbered within its day) and remembers each order id's line, so an order twice is refused.
 */
export function plainRow(row: Record<string, string>, line: number, programCurrency: string, seen: Map<string, number>): RowResult {
  const currency = (row.currency || programCurrency).toUpperCase();
  if (!row.customer_id && !row.email) return { error: 'customer_id or email is required' };
  if (!row.date || !isCalendarDate(row.date) || Number.isNaN(Date.parse(row.date))) return { error: `date "${row.date ?? ''}" is not YYYY-MM-DD` };
  if (currency !== programCurrency) return { error: `currency ${currency} is not the store's (${programCurrency})` };
  const amount = parseMoney(row.amount ?? '', currency);
  if (amount === undefined || amount < 0) return { error: `amount "${row.amount ?? ''}" is not a non-negative decimal` };
  const customer = row.customer_id || row.email!.toLowerCase();
  const dayKey = `${customer}:${row.date.slice(0, 10)}`;
  const rank = (seen.get(dayKey) ?? 0) + 1;
  const externalId = row.order_id || `${dayKey}:${rank}`;
  const first = seen.get(`order:${externalId}`);
  if (first !== undefined) return { error: `order ${externalId} is already on line ${first}` };
  seen.set(dayKey, rank);
  seen.set(`order:${externalId}`, line);
  return {
    ok: {
      line,
      external_id: externalId,
      customer_external_id: row.customer_id || null,
      email: row.email || null,
      placed_at: row.date.length === 10 ? `${row.date}T00:00:00Z` : new Date(row.date).toISOString(),
      currency,
      subtotal: amount,
      total: amount,
      shipping: 0,
      tax: 0,
      discount: 0,
    },
  };
}

/**
 * A row of Shopify's orders export. An order spans one row per line item; only its first row
 * carries the totals, and every row carries one line item (`Lineitem name/sku/quantity/price`),
 * which is added to the order. Cancelled orders are skipped. `seen` maps each order number to its
 * order, or null when the order was skipped or refused.
 */
export function shopifyRow(row: Record<string, string>, line: number, programCurrency: string, seen: Map<string, ImportedOrder | null>): RowResult {
  const name = row.Name;
  if (!name) return { error: 'Name (the order number) is required' };
  const known = seen.get(name);
  if (known !== undefined) return known ? withLineItem(known, row) : { skip: true };
  const result = shopifyOrder(row, line, programCurrency);
  seen.set(name, 'ok' in result ? result.ok : null);
  return 'ok' in result ? withLineItem(result.ok, row, result) : result;
}

/** Adds the row's line item to the order; a malformed one is refused (the order's totals stand). */
function withLineItem(order: ImportedOrder, row: Record<string, string>, result: RowResult = { skip: true }): RowResult {
  const title = row['Lineitem name'];
  if (!title) return result;
  const quantity = Number(row['Lineitem quantity'] || '1');
  const unitPrice = parseMoney(row['Lineitem price'] ?? '0', order.currency);
  if (!Number.isInteger(quantity) || quantity < 1 || unitPrice === undefined || unitPrice < 0) return { error: `line item "${title}": Lineitem quantity must be a positive whole number and Lineitem price a non-negative amount` };
  const sku = row['Lineitem sku'] || undefined;
  (order.line_items ??= []).push({ product_id: sku ?? title, ...(sku ? { sku } : {}), title, quantity, unit_price: unitPrice });
  return result;
}

function shopifyOrder(row: Record<string, string>, line: number, programCurrency: string): RowResult {
  const name = row.Name!;
  if (row['Cancelled at']) return { skip: true };
  const currency = (row.Currency || programCurrency).toUpperCase();
  if (currency !== programCurrency) return { error: `currency ${currency} is not the store's (${programCurrency})` };
  if (!row.Email) return { error: 'Email is required to know the customer' };
  const created = Date.parse(row['Created at'] ?? '');
  if (Number.isNaN(created)) return { error: `Created at "${row['Created at'] ?? ''}" is not a date` };
  const money = (field: string) => (row[field] ? parseMoney(row[field]!, currency) : 0);
  const [subtotal, total, shipping, tax, discount] = ['Subtotal', 'Total', 'Shipping', 'Taxes', 'Discount Amount'].map(money);
  if ([subtotal, total, shipping, tax, discount].some((v) => v === undefined || v < 0)) return { error: 'Subtotal, Total, Shipping, Taxes and Discount Amount must be non-negative amounts' };
  return {
    ok: {
      line,
      external_id: name,
      customer_external_id: null,
      email: row.Email,
      placed_at: new Date(created).toISOString(),
      currency,
      subtotal: subtotal! + discount!,
      total: total!,
      shipping: shipping!,
      tax: tax!,
      discount: discount!,
    },
  };
}
