import { assertInvariant } from '../platform/errors.ts';

/** Customer accounts hold what the merchant owes the shopper; program accounts are their other side. */
export const Account = {
  available: 'customer:available',
  pending: 'customer:pending',
  reserved: 'customer:reserved',
  storeCredit: 'customer:store_credit',
  storeCreditPending: 'customer:store_credit_pending',
  issued: 'program:issued',
  adjustments: 'program:adjustments',
  redeemed: 'program:redeemed',
  expired: 'program:expired',
  storeCreditIssued: 'program:store_credit',
  /** Balances carried over from another loyalty app (opening balances). */
  imported: 'program:imported',
} as const;
export type Account = (typeof Account)[keyof typeof Account];

export type TransferCode =
  | 'earn.purchase'
  | 'earn.action'
  | 'earn.gift'
  | 'adjust.manual'
  | 'reverse.refund'
  | 'reverse.cancel'
  | 'release.hold'
  | 'redeem.reserve'
  | 'redeem.use'
  | 'redeem.void'
  | 'redeem.expire'
  | 'expire.points'
  | 'credit.issue'
  | 'credit.spend'
  | 'credit.return'
  | 'cashback.earn'
  | 'cashback.reverse'
  | 'import.opening';

/** A transfer once posted: its draft and its id. */
export interface PostedTransfer extends TransferDraft {
  id: string;
}

/** One leg of a transfer: points, or minor units on store credit accounts. */
export interface Entry {
  account: Account;
  amount: number;
}

/** Why a transfer happened (DESIGN rule 6), as the ledger records it. */
export interface Explanation {
  /** One line a merchant can read: "1 point per 1.00 USD on 54.00 USD subtotal after discounts = 54". */
  summary: string;
  /** The inputs and intermediate figures, for audits. */
  inputs: Record<string, unknown>;
}

/** A transfer about to be posted: entries that sum to zero, and why it happens. */
export interface TransferDraft {
  code: TransferCode;
  idempotency_key: string;
  reference: { type: string; id: string };
  rule_id?: string;
  reverses_transfer_id?: string;
  explanation: Explanation;
  actor?: string;
  occurred_at: Date;
  entries: Entry[];
  /** Points this transfer makes available open a lot earned at this time (see ledger/lots.ts). */
  opensLot?: { earned_at: Date; order_id?: string; store_id?: string };
  /** Points this transfer gives back to the available balance return to the lots that the transfer with this idempotency key took them from. */
  restoresLotsOf?: string;
  /** Which lots points leaving the available balance come from: these exactly, or an order's first, then oldest first. */
  takesFrom?: { lots: { lot: string; points: number }[] } | { preferOrder: string };
}

/** Entries moving `amount` out of `from` into `to`. */
export function move(amount: number, from: Account, to: Account): Entry[] {
  return [
    { account: from, amount: -amount },
    { account: to, amount },
  ];
}

/** Debits equal credits, every amount a non-zero integer: checked before anything is written. */
export function assertBalanced(draft: TransferDraft): void {
  assertInvariant(draft.entries.length >= 2, `transfer ${draft.idempotency_key} has fewer than two entries`);
  for (const e of draft.entries) {
    assertInvariant(Number.isSafeInteger(e.amount) && e.amount !== 0, `entry of ${draft.idempotency_key} is not a non-zero integer`);
  }
  const total = draft.entries.reduce((s, e) => s + e.amount, 0);
  assertInvariant(total === 0, `transfer ${draft.idempotency_key} does not balance (sum ${total})`);
}

/** Earning and its reversals count towards a customer's lifetime points earned; adjustments do not. */
export function countsTowardsEarned(code: TransferCode): boolean {
  return code.startsWith('earn.') || code.startsWith('reverse.');
}
