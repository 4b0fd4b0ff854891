import { invalidRequest } from '../platform/errors.ts';
import { mulDivFloor } from '../platform/money.ts';
import type { Discount } from '../rewards/reward.ts';

export interface CheckoutFacts {
  subtotal: number;
  currency: string;
  shipping?: number;
  line_items?: { product_id: string; variant_id?: string; unit_price: number; quantity: number }[];
  /** The customer at checkout, when the store knows them; undefined means not checked. */
  customerId?: string | null;
}

export interface CodeState {
  status: 'reserved' | 'used' | 'voided' | 'expired';
  expires_at: Date | null;
  customer_id: string;
  discount: Discount;
}

export interface CheckoutDiscount {
  /** Money off, in minor units: off the subtotal, or the shipping, or the free product's price. */
  amount: number;
  free_shipping: boolean;
  product: { product_id: string; variant_id?: string } | null;
}

/**
 * What a code takes off this checkout, or the reason it cannot be used (one error code per
 * reason, so the storefront can say exactly what is wrong).
 */
export function discountAtCheckout(code: CodeState, checkout: CheckoutFacts, now: Date): CheckoutDiscount {
  if (code.status === 'used') throw invalidRequest('code_used', 'This code has already been used.', 'code');
  if (code.status === 'voided') throw invalidRequest('code_voided', 'This code was cancelled.', 'code');
  if (code.status === 'expired' || (code.expires_at && code.expires_at <= now)) throw invalidRequest('code_expired', 'This code has expired.', 'code');
  const d = code.discount;
  if (checkout.currency.toUpperCase() !== d.currency) {
    throw invalidRequest('currency_mismatch', `This code is for orders in ${d.currency}.`, 'currency');
  }
  if (checkout.customerId !== undefined && checkout.customerId !== code.customer_id) {
    throw invalidRequest('wrong_customer', 'This code belongs to another customer.', 'customer');
  }
  if (d.min_subtotal !== undefined && checkout.subtotal < d.min_subtotal) {
    throw invalidRequest('below_minimum', `This code needs a subtotal of at least ${d.min_subtotal}.`, 'subtotal');
  }
  switch (d.type) {
    case 'percent_off':
      return { amount: mulDivFloor(checkout.subtotal, d.percent!, 100), free_shipping: false, product: null };
    case 'amount_off':
      return { amount: Math.min(d.amount!, checkout.subtotal), free_shipping: false, product: null };
    case 'free_shipping': {
      const shipping = checkout.shipping ?? d.shipping_cap ?? 0;
      return { amount: d.shipping_cap === undefined ? shipping : Math.min(shipping, d.shipping_cap), free_shipping: true, product: null };
    }
    case 'free_product': {
      const line = checkout.line_items?.find((l) => l.product_id === d.product_id && (!d.variant_id || l.variant_id === d.variant_id));
      const product = { product_id: d.product_id!, ...(d.variant_id ? { variant_id: d.variant_id } : {}) };
      return { amount: line?.unit_price ?? 0, free_shipping: false, product };
    }
    case 'custom':
    case 'store_credit':
    case 'charity_donation':
      throw invalidRequest('code_not_for_checkout', 'This reward is fulfilled by the store, not at checkout.', 'code');
  }
}
