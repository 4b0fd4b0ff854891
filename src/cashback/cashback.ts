import { formatMoney, mulDivFloor } from '../platform/money.ts';
import { Account, move, type TransferDraft } from '../ledger/transfer.ts';

const DAY_MS = 86_400_000;

/** The cashback rate for a customer: their tier's rate if it has one, else the program's. In basis points. */
export function cashbackRate(programBps: number, tierBps: number | null | undefined): number {
  return tierBps ?? programBps;
}

/**
 * Cashback of one order, as store credit: the rate of what was paid for merchandise (subtotal
 * after discounts), rounded down; pending until the hold ends when there is one.
 */
export function cashbackDraft(
  order: { id: string; external_id: string; currency: string; paid: number; placed_at: Date },
  rate: { bps: number; label: string; holdDays: number },
  now: Date,
): { draft: TransferDraft; amount: number; held: boolean; availableAt: Date } | undefined {
  const amount = mulDivFloor(order.paid, rate.bps, 10_000);
  if (amount <= 0) return undefined;
  const availableAt = new Date(order.placed_at.getTime() + rate.holdDays * DAY_MS);
  const held = availableAt > now;
  const money = (m: number) => formatMoney(m, order.currency);
  const pending = held ? `; pending until ${availableAt.toISOString().slice(0, 10)}` : '';
  return {
    amount,
    held,
    availableAt,
    draft: {
      code: 'cashback.earn',
      idempotency_key: `order:${order.id}:cashback`,
      reference: { type: 'order', id: order.id },
      explanation: { summary: `${rate.bps / 100}% cashback (${rate.label}) on ${money(order.paid)} = ${money(amount)} (rounded down)${pending}`, inputs: { bps: rate.bps, paid: order.paid, amount } },
      occurred_at: order.placed_at,
      entries: move(amount, Account.storeCreditIssued, held ? Account.storeCreditPending : Account.storeCredit),
    },
  };
}
