import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { formatMoney } from '../platform/money.ts';
import { lockCustomer, postTransfers } from '../ledger/ledger-store.ts';
import { Account, move } from '../ledger/transfer.ts';
import type { ProgramContext } from '../programs/program-store.ts';

export interface StoreCreditMove {
  direction: 'debit' | 'credit';
  amount: number;
  /** The store's id for this movement (a payment, a refund): replaying it changes nothing. */
  external_id: string;
  reason?: string;
}

/**
 * Store credit is spent (debit) or given back, as on a refund (credit). A debit never takes the
 * balance below zero, whatever the concurrency. Returns the transfer's id.
 */
export async function moveStoreCredit(deps: Deps, program: ProgramContext, customerId: string, m: StoreCreditMove): Promise<string> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    await lockCustomer(tx, program.id, customerId);
    const key = `credit:${m.direction}:${m.external_id}`;
    const known = await tx.selectFrom('transfers').select('id').where('customer_id', '=', customerId).where('idempotency_key', '=', key).executeTakeFirst();
    if (known) return known.id;
    const balance = (await tx.selectFrom('customers').select('store_credit_minor').where('id', '=', customerId).executeTakeFirstOrThrow()).store_credit_minor;
    const money = formatMoney(m.amount, program.currency);
    if (m.direction === 'debit' && balance < m.amount) {
      throw new RegularsError('invalid_request', 'insufficient_store_credit', `Cannot spend ${money}: the customer has ${formatMoney(balance, program.currency)} of store credit.`, 'amount');
    }
    const [posted] = await postTransfers(tx, program.id, customerId, [
      {
        code: m.direction === 'debit' ? 'credit.spend' : 'credit.return',
        idempotency_key: key,
        reference: { type: 'store_credit', id: m.external_id },
        explanation: { summary: `${money} of store credit ${m.direction === 'debit' ? 'spent' : 'given back'}${m.reason ? `: ${m.reason}` : ''}`, inputs: { amount: m.amount, currency: program.currency } },
        occurred_at: now,
        entries: m.direction === 'debit' ? move(m.amount, Account.storeCredit, Account.storeCreditIssued) : move(m.amount, Account.storeCreditIssued, Account.storeCredit),
      },
    ], now);
    return posted!.id;
  });
}
