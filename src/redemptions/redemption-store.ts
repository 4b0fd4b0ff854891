import type { Selectable } from 'kysely';
import { appendEvents } from '../platform/outbox.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import type { RedemptionsTable } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Discount } from '../rewards/reward.ts';
import { prepared } from '../platform/db/prepared-statements.ts';

export type RedemptionRow = Selectable<RedemptionsTable>;

export async function insertRedemption(
  tx: Tx,
  r: { programId: string; storeId: string; customerId: string; rewardId: string; points: number; code: string | null; discount: Discount; expiresAt: Date | null },
  at: Date,
): Promise<RedemptionRow> {
  return tx
    .insertInto('redemptions')
    .values({
      id: newId('rdm', at.getTime()),
      program_id: r.programId,
      store_id: r.storeId,
      customer_id: r.customerId,
      reward_id: r.rewardId,
      status: 'reserved',
      points: r.points,
      code: r.code,
      discount: JSON.stringify(r.discount),
      expires_at: r.expiresAt,
      created_at: at,
    })
    .returningAll()
    .modifyEnd(prepared)
    .executeTakeFirstOrThrow();
}

export async function getRedemption(db: Db | Tx, programId: string, id: string, options: { lock?: boolean } = {}): Promise<RedemptionRow> {
  let query = db.selectFrom('redemptions').selectAll().where('program_id', '=', programId).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('redemption', id);
  return row;
}

export async function findByCode(db: Db | Tx, programId: string, code: string): Promise<RedemptionRow | undefined> {
  return db.selectFrom('redemptions').selectAll().where('program_id', '=', programId).where('code', '=', code).executeTakeFirst();
}

/** The reserved redemptions of these codes, locked: what an order's discount codes use. */
export async function lockReservedByCodes(tx: Tx, programId: string, codes: string[]): Promise<RedemptionRow[]> {
  if (codes.length === 0) return [];
  return tx
    .selectFrom('redemptions')
    .selectAll()
    .where('program_id', '=', programId)
    .where('code', 'in', codes)
    .where('status', '=', 'reserved')
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function listRedemptions(db: Db, programId: string, filter: { customer_id: string; status?: RedemptionRow['status']; limit: number; starting_after?: string }) {
  let query = db.selectFrom('redemptions').selectAll().where('program_id', '=', programId).where('customer_id', '=', filter.customer_id);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** How many codes of a reward the customer holds or used: what "once per customer" counts. */
export async function countHeld(tx: Tx, customerId: string, rewardId: string): Promise<number> {
  const row = await tx
    .selectFrom('redemptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('customer_id', '=', customerId)
    .where('reward_id', '=', rewardId)
    .where('status', 'in', ['reserved', 'used'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type Settlement =
  | { status: 'used'; order_id: string | null }
  | { status: 'voided'; reason: string }
  | { status: 'expired' };

export async function markSettled(tx: Tx, ids: string[], settlement: Settlement, at: Date): Promise<void> {
  if (ids.length === 0) return;
  const changes =
    settlement.status === 'used'
      ? { status: 'used' as const, used_at: at, order_id: settlement.order_id }
      : settlement.status === 'voided'
        ? { status: 'voided' as const, voided_at: at, void_reason: settlement.reason }
        : { status: 'expired' as const, expired_at: at };
  const settled = await tx.updateTable('redemptions').set(changes).where('id', 'in', ids).where('status', '=', 'reserved').returning(['id', 'program_id', 'customer_id', 'reward_id']).execute();
  const detail = settlement.status === 'used' ? { order_id: settlement.order_id } : settlement.status === 'voided' ? { reason: settlement.reason } : {};
  await appendEvents(
    tx,
    settled.map((r) => ({ programId: r.program_id, customerId: r.customer_id, type: `redemption.${settlement.status}`, dedupeKey: `redemption.${settlement.status}:${r.id}`, data: { redemption_id: r.id, reward_id: r.reward_id, ...detail } })),
    at,
  );
}
