import type { Db } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { Account } from './transfer.ts';

/** A customer's view of transfers: how each changed their available and pending points. */
export async function listTransactions(db: Db, programId: string, customerId: string, page: { limit: number; starting_after?: string; id?: string }) {
  let query = db
    .selectFrom('transfers as t')
    .innerJoin('ledger_entries as e', (join) => join.onRef('e.transfer_id', '=', 't.id').onRef('e.customer_id', '=', 't.customer_id'))
    .select((eb) => [
      't.id',
      't.code',
      't.reference_type',
      't.reference_id',
      't.rule_id',
      't.explanation',
      't.actor',
      't.occurred_at',
      't.created_at',
      eb.fn.sum<number>(eb.case().when('e.account', '=', Account.available).then(eb.ref('e.amount')).else(0).end()).as('available'),
      eb.fn.sum<number>(eb.case().when('e.account', '=', Account.pending).then(eb.ref('e.amount')).else(0).end()).as('pending'),
      eb.fn.sum<number>(eb.case().when('e.account', '=', Account.reserved).then(eb.ref('e.amount')).else(0).end()).as('reserved'),
      eb.fn.sum<number>(eb.case().when('e.account', '=', Account.storeCredit).then(eb.ref('e.amount')).else(0).end()).as('store_credit'),
    ])
    .where('t.program_id', '=', programId)
    .where('t.customer_id', '=', customerId)
    .groupBy(['t.id', 't.customer_id']);
  if (page.id) query = query.where('t.id', '=', page.id);
  if (page.starting_after) query = query.where('t.id', '<', page.starting_after);
  return query.orderBy('t.id', 'desc').limit(page.limit + 1).execute();
}

export type TransactionRow = Awaited<ReturnType<typeof listTransactions>>[number];

export async function getTransaction(db: Db, programId: string, customerId: string, id: string): Promise<TransactionRow> {
  const [row] = await listTransactions(db, programId, customerId, { limit: 1, id });
  if (!row) throw notFound('transaction', id);
  return row;
}

export function presentTransaction(row: TransactionRow) {
  const explanation = row.explanation as { summary: string; inputs: Record<string, unknown> };
  return {
    object: 'transaction' as const,
    id: row.id,
    code: row.code,
    points: Number(row.available),
    points_pending: Number(row.pending),
    points_reserved: Number(row.reserved),
    store_credit: Number(row.store_credit),
    reference: { type: row.reference_type, id: row.reference_id },
    rule_id: row.rule_id,
    explanation: explanation.summary,
    details: explanation.inputs,
    actor: row.actor,
    occurred_at: new Date(row.occurred_at).toISOString(),
    created_at: new Date(row.created_at).toISOString(),
  };
}
