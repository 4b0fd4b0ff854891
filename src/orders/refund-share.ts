import type { LineItem } from '../platform/db/schema.ts';
import { invalidRequest } from '../platform/errors.ts';
import { mulDivFloor } from '../platform/money.ts';

/** The parts of an order that decide what a refund takes back. */
export interface RefundableOrder {
  subtotal: number;
  discount: number;
  line_items: LineItem[];
  refunded: number;
  points_earned: number;
  points_reversed: number;
  points_forgiven: number;
}

export interface RefundLine {
  line_id?: string;
  product_id: string;
  variant_id?: string;
  quantity: number;
}

/** What the shopper paid for merchandise: subtotal after discounts (no shipping, no tax). */
export function paidMerchandise(order: RefundableOrder): number {
  return Math.max(0, order.subtotal - order.discount);
}

/**
 * The merchandise amount a refund returns: `amount` as given, or the refunded lines at their
 * price with the order's discount spread pro rata, or, with neither, all that is left.
 */
export function refundAmount(order: RefundableOrder, request: { amount?: number; line_items?: RefundLine[] }, refundedLines: RefundLine[]): number {
  const left = paidMerchandise(order) - order.refunded;
  if (request.amount !== undefined && request.line_items !== undefined) {
    throw invalidRequest('parameter_invalid', 'Give amount or line_items, not both.', 'amount');
  }
  let amount = left;
  if (request.amount !== undefined) amount = request.amount;
  if (request.line_items !== undefined) amount = linesAmount(order, request.line_items, refundedLines);
  if (amount > left) {
    throw invalidRequest('refund_exceeds_order', `The refund (${amount}) exceeds what is left to refund on this order (${left}).`, 'amount');
  }
  return amount;
}

function linesAmount(order: RefundableOrder, lines: RefundLine[], refundedLines: RefundLine[]): number {
  let gross = 0;
  // Units already taken from each order line, by earlier refunds and by this one's earlier lines.
  const taken = new Map<LineItem, number>();
  const take = (line: RefundLine) => {
    let quantity = line.quantity;
    for (const ordered of order.line_items.filter((l) => sameLine(l, line))) {
      const part = Math.min(quantity, ordered.quantity - (taken.get(ordered) ?? 0));
      if (part <= 0) continue;
      taken.set(ordered, (taken.get(ordered) ?? 0) + part);
      quantity -= part;
      gross += part * ordered.unit_price;
    }
    return quantity;
  };
  for (const earlier of refundedLines) take(earlier);
  const grossBefore = gross;
  lines.forEach((line, i) => {
    if (!order.line_items.some((l) => sameLine(l, line))) throw invalidRequest('line_item_not_in_order', `Line ${i} names a product the order does not have.`, `line_items.${i}`);
    const short = take(line);
    if (short > 0) throw invalidRequest('refund_exceeds_order', `Line ${i}: only ${line.quantity - short} left to refund.`, `line_items.${i}.quantity`);
  });
  // Valued cumulatively, like the points: refunding every line returns exactly what was paid.
  if (order.subtotal === 0) return 0;
  const value = (g: number) => mulDivFloor(g, paidMerchandise(order), order.subtotal);
  return value(gross) - value(grossBefore);
}

/** A refund line names an order line by its line_id when both have one, else by product (and variant). */
function sameLine(ordered: LineItem, refunded: RefundLine): boolean {
  if (refunded.line_id && ordered.line_id) return refunded.line_id === ordered.line_id;
  return ordered.product_id === refunded.product_id && (refunded.variant_id === undefined || ordered.variant_id === refunded.variant_id);
}

/**
 * Points a refund takes back. Cumulative, so rounding never drifts: after refunds totalling R of
 * paid merchandise P, floor(earned × R ÷ P) points are due back in all (rounded in the shopper's
 * favour); a full refund takes back exactly what was earned.
 */
export function clawbackDue(order: RefundableOrder, amount: number): number {
  return dueBack(order.points_earned, order.points_reversed + order.points_forgiven, paidMerchandise(order), order.refunded + amount);
}

/** What is due back of `earned` once `refundedAfter` of `paid` is refunded, less what was `settled` already. */
export function dueBack(earned: number, settled: number, paid: number, refundedAfter: number): number {
  const target = paid === 0 || refundedAfter >= paid ? earned : mulDivFloor(earned, refundedAfter, paid);
  return Math.max(0, target - settled);
}
