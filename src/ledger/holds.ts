import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import { lockCustomer, postTransfers } from './ledger-store.ts';
import { Account, move, type PostedTransfer, type TransferDraft } from './transfer.ts';

export interface NewHold {
  programId: string;
  customerId: string;
  orderId?: string;
  transfer: PostedTransfer;
  availableAt: Date;
}

const PENDING: string[] = [Account.pending, Account.storeCreditPending];
const RELEASES_TO = { [Account.pending]: Account.available, [Account.storeCreditPending]: Account.storeCredit } as const;

/** Records a hold for each posted transfer that went to pending points or pending store credit. */
export async function createHolds(tx: Tx, holds: NewHold[]): Promise<void> {
  if (holds.length === 0) return;
  await tx
    .insertInto('point_holds')
    .values(
      holds.map((h) => ({
        transfer_id: h.transfer.id,
        program_id: h.programId,
        customer_id: h.customerId,
        order_id: h.orderId ?? null,
        points_remaining: h.transfer.entries.find((e) => PENDING.includes(e.account))!.amount,
        account: h.transfer.entries.find((e) => PENDING.includes(e.account))!.account as 'customer:pending' | 'customer:store_credit_pending',
        available_at: h.availableAt,
      })),
    )
    .execute();
}

/** What the order still holds on one pending account (points, or store credit), oldest first, locked for the caller's transaction. */
export async function heldPointsOfOrder(tx: Tx, customerId: string, orderId: string, account: 'customer:pending' | 'customer:store_credit_pending' = Account.pending) {
  return tx
    .selectFrom('point_holds')
    .select(['transfer_id', 'points_remaining'])
    .where('customer_id', '=', customerId)
    .where('order_id', '=', orderId)
    .where('account', '=', account)
    .where('released_transfer_id', 'is', null)
    .where('points_remaining', '>', 0)
    .orderBy('transfer_id')
    .forUpdate()
    .execute();
}

export async function reduceHold(tx: Tx, customerId: string, transferId: string, points: number) {
  await tx
    .updateTable('point_holds')
    .set({ points_remaining: sql`points_remaining - ${points}` })
    .where('customer_id', '=', customerId)
    .where('transfer_id', '=', transferId)
    .execute();
}

/**
 * Sweep: makes pending points available once their hold has ended. Level-triggered and
 * idempotent: each hold is released by one transfer keyed on the hold, whenever the sweep runs.
 */
export async function releaseDueHolds(db: Db, now: Date, options: { programId?: string; batch?: number } = {}): Promise<number> {
  let released = 0;
  for (;;) {
    let query = db
      .selectFrom('point_holds')
      .select(['transfer_id', 'program_id', 'customer_id'])
      .where('released_transfer_id', 'is', null)
      .where('points_remaining', '>', 0)
      .where('available_at', '<=', now)
      .orderBy('available_at')
      .limit(options.batch ?? 500);
    if (options.programId) query = query.where('program_id', '=', options.programId);
    const due = await query.execute();
    for (const hold of due) released += await releaseHold(db, hold, now);
    if (due.length < (options.batch ?? 500)) return released;
  }
}

async function releaseHold(db: Db, hold: { transfer_id: string; program_id: string; customer_id: string }, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockCustomer(tx, hold.program_id, hold.customer_id);
    const current = await tx
      .selectFrom('point_holds')
      .innerJoin('transfers', 'transfers.id', 'point_holds.transfer_id')
      .leftJoin('orders', 'orders.id', 'point_holds.order_id')
      .select(['point_holds.points_remaining', 'point_holds.released_transfer_id', 'point_holds.available_at', 'point_holds.order_id', 'point_holds.account', 'transfers.occurred_at', 'orders.store_id'])
      .where('point_holds.customer_id', '=', hold.customer_id)
      .where('point_holds.transfer_id', '=', hold.transfer_id)
      .executeTakeFirstOrThrow();
    if (current.released_transfer_id || current.points_remaining <= 0) return 0;
    const points = current.points_remaining;
    const isPoints = current.account === Account.pending;
    const what = isPoints ? `${points} pending points` : `${points} (minor units) of pending store credit`;
    const draft: TransferDraft = {
      code: 'release.hold',
      idempotency_key: `release:${hold.transfer_id}`,
      reference: { type: 'transfer', id: hold.transfer_id },
      explanation: { summary: `${what} became available: hold ended ${new Date(current.available_at).toISOString()}`, inputs: { hold_transfer_id: hold.transfer_id } },
      occurred_at: now,
      entries: move(points, current.account, RELEASES_TO[current.account]),
      ...(isPoints
        ? { opensLot: { earned_at: new Date(current.occurred_at), ...(current.order_id ? { order_id: current.order_id } : {}), ...(current.store_id ? { store_id: current.store_id } : {}) } }
        : {}),
    };
    const [posted] = await postTransfers(tx, hold.program_id, hold.customer_id, [draft], now);
    if (!posted) return 0;
    await tx
      .updateTable('point_holds')
      .set({ released_transfer_id: posted.id, points_remaining: 0 })
      .where('customer_id', '=', hold.customer_id)
      .where('transfer_id', '=', hold.transfer_id)
      .execute();
    return 1;
  });
}

/** A customer's pending points, soonest released first: what the storefront shows as "pending until". */
export async function pendingHoldsOf(db: Db, customerId: string) {
  return db
    .selectFrom('point_holds')
    .select(['points_remaining as points', 'available_at'])
    .where('customer_id', '=', customerId)
    .where('account', '=', Account.pending)
    .where('released_transfer_id', 'is', null)
    .where('points_remaining', '>', 0)
    .orderBy('available_at')
    .limit(50)
    .execute();
}
