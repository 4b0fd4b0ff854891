import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';
import { assertInvariant, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { Account, assertBalanced, countsTowardsEarned, type TransferDraft } from './transfer.ts';

export interface PostedTransfer extends TransferDraft {
  id: string;
}

/**
 * Locks the customer's row for the rest of the transaction. Every ledger write takes this lock
 * first, so balance checks, limits and holds of one customer are serialised.
 */
export async function lockCustomer(tx: Tx, programId: string, customerId: string) {
  const row = await tx
    .selectFrom('customers')
    .select(['id', 'points_available', 'points_pending', 'birthday'])
    .where('program_id', '=', programId)
    .where('id', '=', customerId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('customer', customerId);
  return row;
}

/** An order's effect on the customer's order statistics, moved with its points. */
export interface OrderStats {
  orders: number;
  spent: number;
  placedAt?: Date;
}

/**
 * Appends transfers and their entries and moves the customer's balances, in the caller's
 * transaction and in one statement (this is the hot path of every order). A draft whose
 * idempotency key was already posted is skipped, so replays change nothing; the transfers
 * actually written are returned. `orderStats` moves the customer's order statistics in the same
 * statement.
 */
export async function postTransfers(
  tx: Tx,
  programId: string,
  customerId: string,
  drafts: TransferDraft[],
  at: Date,
  options: { allowNegative?: boolean; orderStats?: OrderStats } = {},
): Promise<PostedTransfer[]> {
  if (drafts.length === 0 && !options.orderStats) return [];
  drafts.forEach(assertBalanced);
  const withIds = drafts.map((d) => ({ ...d, id: newId('txn', at.getTime()) }));
  const transfers = withIds.map((d) => ({
    id: d.id,
    code: d.code,
    idempotency_key: d.idempotency_key,
    reference_type: d.reference.type,
    reference_id: d.reference.id,
    rule_id: d.rule_id ?? null,
    reverses_transfer_id: d.reverses_transfer_id ?? null,
    explanation: d.explanation,
    actor: d.actor ?? null,
    occurred_at: d.occurred_at.toISOString(),
  }));
  const entries = withIds.flatMap((d) => {
    const countsAsEarned = countsTowardsEarned(d.code);
    return d.entries.map((e) => ({ transfer_id: d.id, account: e.account, points: e.points, earned: countsAsEarned && e.account.startsWith('customer:') ? e.points : 0 }));
  });
  const stats = options.orderStats ?? { orders: 0, spent: 0 };
  const placedAt = stats.placedAt ?? null;
  const result = await sql<{ points_available: number; points_pending: number; inserted: string[] }>`
    with t as (
      insert into transfers (id, program_id, customer_id, code, idempotency_key, reference_type, reference_id, rule_id, reverses_transfer_id, explanation, actor, occurred_at, created_at)
      select x.id, ${programId}, ${customerId}, x.code, x.idempotency_key, x.reference_type, x.reference_id, x.rule_id, x.reverses_transfer_id, x.explanation, x.actor, x.occurred_at, ${at}
      from jsonb_to_recordset(${JSON.stringify(transfers)}::jsonb) as x(id text, code text, idempotency_key text, reference_type text, reference_id text, rule_id text, reverses_transfer_id text, explanation jsonb, actor text, occurred_at timestamptz)
      on conflict (program_id, customer_id, idempotency_key) do nothing
      returning id
    ), v as (
      select y.* from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as y(transfer_id text, account text, points bigint, earned bigint)
      where y.transfer_id in (select id from t)
    ), e as (
      insert into ledger_entries (transfer_id, program_id, customer_id, account, points)
      select transfer_id, ${programId}, ${customerId}, account, points from v
    )
    update customers set
      points_available = points_available + coalesce((select sum(points) from v where account = ${Account.available}), 0),
      points_pending = points_pending + coalesce((select sum(points) from v where account = ${Account.pending}), 0),
      points_earned_lifetime = points_earned_lifetime + coalesce((select sum(earned) from v), 0),
      orders_count = orders_count + ${stats.orders},
      total_spent_minor = total_spent_minor + ${stats.spent},
      first_order_at = least(first_order_at, ${placedAt}::timestamptz),
      last_order_at = greatest(last_order_at, ${placedAt}::timestamptz)
    where id = ${customerId}
    returning points_available, points_pending, (select coalesce(array_agg(id), '{}') from t) as inserted`.execute(tx);
  const balance = result.rows[0];
  assertInvariant(balance, `customer ${customerId} not found while posting`);
  const inserted = new Set(balance.inserted);
  const posted = withIds.filter((d) => inserted.has(d.id));
  assertInvariant(balance.points_pending >= 0, `pending points of ${customerId} went below zero`);
  const takesAvailable = posted.some((d) => d.entries.some((e) => e.account === Account.available && e.points < 0));
  if (takesAvailable && !options.allowNegative) {
    assertInvariant(balance.points_available >= 0, `available points of ${customerId} went below zero`);
  }
  return posted;
}
