import type { LineItem } from '../platform/db/schema.ts';

/**
 * A store platform's order, refund and customer as Regulars reads them, whatever platform sent
 * them: ids as the exact text received, money in integer minor units of the shop's currency.
 */
export interface StoreOrder {
  externalId: string;
  /** When the platform last changed the order: a snapshot older than the one applied changes nothing. */
  updatedAt: Date | undefined;
  createdAt: Date;
  currency: string;
  /** Line items before order discounts. */
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  lineItems: LineItem[];
  discountCodes: string[];
  /** The shopper's account; undefined for a guest checkout. */
  customer: StoreCustomer | undefined;
  /** A guest's (or the order's) email. */
  email: string | undefined;
  test: boolean;
  /** Shopify's source_name (web, pos, shopify_draft_order, …); WooCommerce's created_via. */
  channel: string;
  /** Where the order is: created, paid (WooCommerce: processing), fulfilled (WooCommerce: completed). */
  stage: 'created' | 'paid' | 'fulfilled';
  cancelled: boolean;
  /** Refunds the order already carries (Shopify's refunds[], WooCommerce's refunds[]). */
  refunds: StoreRefund[];
}

export interface StoreRefund {
  externalId: string;
  orderExternalId: string;
  /** Refunded merchandise, when the platform says which lines (valued as the order's own lines). */
  lineItems: { line_id?: string; product_id: string; variant_id?: string; quantity: number }[];
  /** Refunded merchandise in minor units, when only an amount is known (capped at what is left). */
  amount: number;
  /** The platform's own full-refund signal (WooCommerce's `refunded` status without refund records). */
  rest?: boolean;
}

export interface StoreCustomer {
  externalId: string;
  email: string | undefined;
  firstName: string | undefined;
  lastName: string | undefined;
  tags: string[];
  marketingConsent: boolean | undefined;
  /** The customer's language, when the platform says it (en, ar, …); for emails. */
  locale?: string;
}

export interface OrderSettings {
  award_on: 'paid' | 'created' | 'fulfilled' | 'processing' | 'completed';
  include_test_orders: boolean;
  channels: string[];
  guests: 'by_email' | 'ignore';
  excluded_customer_tags: string[];
}

/** When the order's points are due, by the connection's `award_on`. */
const REQUIRED_STAGE = { created: 0, paid: 1, processing: 1, fulfilled: 2, completed: 2 } as const;
const STAGE_RANK = { created: 0, paid: 1, fulfilled: 2 } as const;

export type OrderDecision = { award: true } | { award: false; state: 'waiting' | 'excluded'; reason: string };

/** Whether an order earns now, waits for its payment or fulfilment, or never earns here. Pure. */
export function decideOrder(settings: OrderSettings, order: StoreOrder): OrderDecision {
  if (order.test && !settings.include_test_orders) return { award: false, state: 'excluded', reason: 'test order' };
  if (!settings.channels.includes('*') && !settings.channels.includes(order.channel)) return { award: false, state: 'excluded', reason: `channel ${order.channel || 'unknown'} is not counted` };
  if (!order.customer && (settings.guests === 'ignore' || !order.email)) return { award: false, state: 'excluded', reason: settings.guests === 'ignore' ? 'guest checkout' : 'guest checkout without an email' };
  const excluded = order.customer?.tags.find((tag) => settings.excluded_customer_tags.some((t) => t.toLowerCase() === tag.toLowerCase()));
  if (excluded) return { award: false, state: 'excluded', reason: `customer tag "${excluded}" is excluded from the program` };
  if (STAGE_RANK[order.stage] < REQUIRED_STAGE[settings.award_on]) return { award: false, state: 'waiting', reason: `waiting for the order to be ${settings.award_on}` };
  return { award: true };
}

/** Tags as a list: Shopify sends them as one comma-separated string. */
export function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).map((t) => t.trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(',').map((t) => t.trim()).filter(Boolean);
  return [];
}
