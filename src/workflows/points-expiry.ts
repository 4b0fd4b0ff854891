import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { inactivityDeadline, lotDeadline, withinWarning, type ExpiryPolicy } from '../ledger/expiry-policy.ts';
import { lockCustomer, postTransfers } from '../ledger/ledger-store.ts';
import { Account, move } from '../ledger/transfer.ts';
import { emitEvent } from '../program-events/program-event-store.ts';
import { expiryPolicyOf, programsWithExpiry } from '../programs/program-store.ts';

const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Sweep: expires points past their deadline. Fixed policy: each lot on its own date, exactly the
 * points left in it. Inactivity policy: the whole available balance once the customer has not
 * earned or redeemed for the period. One transfer per lot (or per period of inactivity), keyed so
 * that running the sweep twice or late writes nothing more.
 */
export async function expirePoints(db: Db, now: Date, options: { programId?: string } = {}): Promise<number> {
  let expired = 0;
  for (const program of await programsWithExpiry(db, options.programId)) {
    const policy = expiryPolicyOf(program);
    if (policy.policy === 'fixed') expired += await expireLots(db, program.id, policy, now);
    if (policy.policy === 'inactivity') expired += await expireInactive(db, program.id, policy, now);
  }
  return expired;
}

/** Open lots whose deadline may be near: earned at least the period (less `marginDays`) ago. */
async function lotsNear(db: Db, programId: string, policy: ExpiryPolicy, now: Date, marginDays: number) {
  const period = policy.days ?? (policy.months ?? 0) * 28;
  const earnedBefore = new Date(now.getTime() - (period - marginDays - 3) * DAY_MS);
  const rows = await db
    .selectFrom('point_lots')
    .select(['transfer_id', 'customer_id', 'points_remaining', 'earned_at', 'available_at'])
    .where('program_id', '=', programId)
    .where('points_remaining', '>', 0)
    .where('earned_at', '<=', earnedBefore)
    .orderBy('earned_at')
    .execute();
  return rows
    .map((r) => ({ ...r, deadline: lotDeadline({ earned_at: new Date(r.earned_at), available_at: new Date(r.available_at) }, policy)! }))
    .filter((r) => r.deadline <= new Date(now.getTime() + marginDays * DAY_MS));
}

async function expireLots(db: Db, programId: string, policy: ExpiryPolicy, now: Date): Promise<number> {
  let expired = 0;
  for (const lot of await lotsNear(db, programId, policy, now, 0)) {
    expired += await db.transaction().execute(async (tx) => {
      await lockCustomer(tx, programId, lot.customer_id);
      const current = await tx.selectFrom('point_lots').select('points_remaining').where('customer_id', '=', lot.customer_id).where('transfer_id', '=', lot.transfer_id).executeTakeFirstOrThrow();
      if (current.points_remaining <= 0) return 0;
      const points = current.points_remaining;
      const posted = await postTransfers(tx, programId, lot.customer_id, [
        {
          code: 'expire.points',
          idempotency_key: `expire:lot:${lot.transfer_id}`,
          reference: { type: 'lot', id: lot.transfer_id },
          explanation: { summary: `${points} points earned ${day(new Date(lot.earned_at))} expired on ${day(lot.deadline)}`, inputs: { lot: lot.transfer_id, deadline: lot.deadline.toISOString() } },
          occurred_at: now,
          entries: move(points, Account.available, Account.expired),
          takesFrom: { lots: [{ lot: lot.transfer_id, points }] },
        },
      ], now);
      return posted.length;
    });
  }
  return expired;
}

async function expireInactive(db: Db, programId: string, policy: ExpiryPolicy, now: Date): Promise<number> {
  let expired = 0;
  for (const customer of await inactiveCustomers(db, programId, policy, now, 0)) {
    expired += await db.transaction().execute(async (tx) => {
      const locked = await lockCustomer(tx, programId, customer.id);
      const points = locked.points_available;
      if (points <= 0) return 0;
      const posted = await postTransfers(tx, programId, customer.id, [
        {
          code: 'expire.points',
          idempotency_key: `expire:inactive:${customer.last_activity.toISOString()}`,
          reference: { type: 'customer', id: customer.id },
          explanation: {
            summary: `${points} points expired on ${day(customer.deadline)}: no points earned or redeemed since ${day(customer.last_activity)}`,
            inputs: { last_activity_at: customer.last_activity.toISOString(), deadline: customer.deadline.toISOString() },
          },
          occurred_at: now,
          entries: move(points, Account.available, Account.expired),
        },
      ], now);
      return posted.length;
    });
  }
  return expired;
}

/** Customers with available points whose inactivity deadline falls before now + `marginDays`. */
async function inactiveCustomers(db: Db, programId: string, policy: ExpiryPolicy, now: Date, marginDays: number) {
  const period = policy.days ?? (policy.months ?? 0) * 28;
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'points_available', sql<Date>`coalesce(last_activity_at, created_at)`.as('last_activity')])
    .where('program_id', '=', programId)
    .where('points_available', '>', 0)
    .where(sql<Date>`coalesce(last_activity_at, created_at)`, '<=', new Date(now.getTime() - (period - marginDays - 3) * DAY_MS))
    .execute();
  return rows
    .map((r) => ({ ...r, last_activity: new Date(r.last_activity), deadline: inactivityDeadline(new Date(r.last_activity), policy)! }))
    .filter((r) => r.deadline <= new Date(now.getTime() + marginDays * DAY_MS));
}

/**
 * Sweep: announces `points.expiring_soon` the program's warning days before a deadline, once per
 * customer and deadline (for the emails and webhooks that come later).
 */
export async function announceExpiringPoints(db: Db, now: Date, options: { programId?: string } = {}): Promise<number> {
  let announced = 0;
  for (const program of await programsWithExpiry(db, options.programId)) {
    const policy = expiryPolicyOf(program);
    if (policy.warningDays === 0) continue;
    const soon: { customerId: string; deadline: Date; points: number }[] = [];
    if (policy.policy === 'fixed') {
      for (const lot of await lotsNear(db, program.id, policy, now, policy.warningDays)) {
        if (!withinWarning(lot.deadline, now, policy)) continue;
        const same = soon.find((s) => s.customerId === lot.customer_id && day(s.deadline) === day(lot.deadline));
        if (same) same.points += lot.points_remaining;
        else soon.push({ customerId: lot.customer_id, deadline: lot.deadline, points: lot.points_remaining });
      }
    } else {
      for (const c of await inactiveCustomers(db, program.id, policy, now, policy.warningDays)) {
        if (withinWarning(c.deadline, now, policy)) soon.push({ customerId: c.id, deadline: c.deadline, points: c.points_available });
      }
    }
    for (const s of soon) {
      const emitted = await emitEvent(
        db,
        { programId: program.id, customerId: s.customerId, type: 'points.expiring_soon', dedupeKey: `points.expiring_soon:${day(s.deadline)}`, data: { points: s.points, expires_at: s.deadline.toISOString() } },
        now,
      );
      if (emitted) announced += 1;
    }
  }
  return announced;
}
