import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';
import { assertInvariant, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { assertBalanced, balanceEffect, type TransferDraft } from './transfer.ts';

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

/**
 * Appends transfers and their entries and moves the customer's balances, in the caller's
 * transaction. A draft whose idempotency key was already posted is skipped, so replays change
 * nothing; the transfers actually written are returned.
 */
export async function postTransfers(
  tx: Tx,
  programId: string,
  customerId: string,
  drafts: TransferDraft[],
  at: Date,
  options: { allowNegative: boolean } = { allowNegative: false },
): Promise<PostedTransfer[]> {
  if (drafts.length === 0) return [];
  drafts.forEach(assertBalanced);
  const withIds = drafts.map((d) => ({ ...d, id: newId('txn', at.getTime()) }));
  const inserted = await tx
    .insertInto('transfers')
    .values(
      withIds.map((d) => ({
        id: d.id,
        program_id: programId,
        customer_id: customerId,
        code: d.code,
        idempotency_key: d.idempotency_key,
        reference_type: d.reference.type,
        reference_id: d.reference.id,
        rule_id: d.rule_id ?? null,
        reverses_transfer_id: d.reverses_transfer_id ?? null,
        explanation: JSON.stringify(d.explanation),
        actor: d.actor ?? null,
        occurred_at: d.occurred_at,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['program_id', 'customer_id', 'idempotency_key']).doNothing())
    .returning('id')
    .execute();
  const insertedIds = new Set(inserted.map((r) => r.id));
  const posted = withIds.filter((d) => insertedIds.has(d.id));
  if (posted.length === 0) return [];

  await tx
    .insertInto('ledger_entries')
    .values(posted.flatMap((d) => d.entries.map((e) => ({ transfer_id: d.id, program_id: programId, customer_id: customerId, account: e.account, points: e.points }))))
    .execute();

  const effect = posted.map(balanceEffect).reduce((a, b) => ({
    available: a.available + b.available,
    pending: a.pending + b.pending,
    earned: a.earned + b.earned,
  }));
  const balance = await tx
    .updateTable('customers')
    .set({
      points_available: sql`points_available + ${effect.available}`,
      points_pending: sql`points_pending + ${effect.pending}`,
      points_earned_lifetime: sql`points_earned_lifetime + ${effect.earned}`,
    })
    .where('id', '=', customerId)
    .returning(['points_available', 'points_pending'])
    .executeTakeFirstOrThrow();
  assertInvariant(balance.points_pending >= 0, `pending points of ${customerId} went below zero`);
  if (!options.allowNegative && effect.available < 0) {
    assertInvariant(balance.points_available >= 0, `available points of ${customerId} went below zero`);
  }
  return posted;
}
