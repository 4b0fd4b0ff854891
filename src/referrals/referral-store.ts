import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { ReferralsTable } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { newCode } from '../redemptions/codes.ts';
import type { AdvocateTraces } from './fraud.ts';
import { isEmptyChange } from '../platform/changes.ts';

export type ReferralRow = Selectable<ReferralsTable>;

/** The customer's referral code, created the first time it is asked for. */
export async function referralCodeOf(db: Db, programId: string, customerId: string): Promise<string> {
  for (;;) {
    const row = await db.selectFrom('customers').select('referral_code').where('program_id', '=', programId).where('id', '=', customerId).executeTakeFirst();
    if (!row) throw notFound('customer', customerId);
    if (row.referral_code) return row.referral_code;
    const code = newCode(null).slice(0, 8);
    // A code taken by someone else (unique index) or a concurrent first request: look again.
    await db
      .updateTable('customers')
      .set({ referral_code: code })
      .where('id', '=', customerId)
      .where('referral_code', 'is', null)
      .execute()
      .catch(() => undefined);
  }
}

export async function advocateByCode(db: Db | Tx, programId: string, code: string) {
  return db.selectFrom('customers').select(['id', 'program_id', 'email']).where('program_id', '=', programId).where('referral_code', '=', code.trim().toUpperCase()).executeTakeFirst();
}

export async function advocateTraces(db: Db | Tx, advocate: { id: string; program_id: string; email: string | null }): Promise<AdvocateTraces> {
  const rows = await db.selectFrom('orders').select(['ip_hash', 'device_hash', 'shipping_address_hash']).where('program_id', '=', advocate.program_id).where('customer_id', '=', advocate.id).execute();
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  return {
    id: advocate.id,
    email: advocate.email,
    ip_hashes: distinct(rows.map((r) => r.ip_hash)),
    device_hashes: distinct(rows.map((r) => r.device_hash)),
    shipping_hashes: distinct(rows.map((r) => r.shipping_address_hash)),
  };
}

export async function referralsFromIpThisWeek(tx: Tx, programId: string, ipHash: string, now: Date): Promise<number> {
  const row = await tx
    .selectFrom('referrals')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('program_id', '=', programId)
    .where('ip_hash', '=', ipHash)
    .where('created_at', '>', new Date(now.getTime() - 7 * 86_400_000))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertReferral(tx: Tx, r: Omit<ReferralRow, 'id' | 'order_id' | 'completes_at' | 'friend_redemption_id' | 'advocate_redemption_id' | 'advocate_points' | 'rejected_reason' | 'completed_at' | 'decided_at'>) {
  return tx
    .insertInto('referrals')
    .values({ ...r, id: newId('rfl', new Date(r.created_at).getTime()) })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function getReferral(db: Db | Tx, programId: string, id: string, options: { lock?: boolean } = {}): Promise<ReferralRow> {
  let query = db.selectFrom('referrals').selectAll().where('program_id', '=', programId).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('referral', id);
  return row;
}

export async function referralOfFriend(db: Db | Tx, programId: string, friendId: string) {
  return db.selectFrom('referrals').selectAll().where('program_id', '=', programId).where('friend_id', '=', friendId).executeTakeFirst();
}

export async function listReferrals(db: Db, programId: string, filter: { advocate_id?: string; status?: ReferralRow['status']; limit: number; starting_after?: string }) {
  let query = db.selectFrom('referrals').selectAll().where('program_id', '=', programId);
  if (filter.advocate_id) query = query.where('advocate_id', '=', filter.advocate_id);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** Counts by status and the revenue of referred friends (order totals net of refunds), for one advocate or the program. */
export async function referralStats(db: Db, programId: string, advocateId?: string) {
  const { rows } = await sql<{ sent: number; pending: number; flagged: number; completed: number; rejected: number; revenue: number }>`
    select count(*)::int as sent,
      count(*) filter (where r.status = 'pending')::int as pending,
      count(*) filter (where r.status = 'flagged')::int as flagged,
      count(*) filter (where r.status = 'completed')::int as completed,
      count(*) filter (where r.status = 'rejected')::int as rejected,
      coalesce((select sum(o.total_minor - o.refunded_minor) from orders o
        where o.program_id = ${programId} and o.customer_id in (select friend_id from referrals x where x.program_id = ${programId} ${advocateId ? sql`and x.advocate_id = ${advocateId}` : sql``})
          and o.status <> 'cancelled'), 0)::bigint as revenue
    from referrals r
    where r.program_id = ${programId} ${advocateId ? sql`and r.advocate_id = ${advocateId}` : sql``}`.execute(db);
  const s = rows[0]!;
  return { ...s, revenue: Number(s.revenue) };
}

export interface ReferralSettingsChange {
  friend_reward_id?: string | null;
  advocate_reward_id?: string | null;
  advocate_points?: number;
  hold_days?: number;
  ip_limit_per_week?: number;
  link_base?: string | null;
}

/** The referral program's settings live on the program; only what is sent changes. */
export async function updateReferralSettings(db: Db, programId: string, change: ReferralSettingsChange): Promise<void> {
  if (isEmptyChange(change)) return;
  await db
    .updateTable('programs')
    .set({
      ...(change.friend_reward_id !== undefined ? { referral_friend_reward_id: change.friend_reward_id } : {}),
      ...(change.advocate_reward_id !== undefined ? { referral_advocate_reward_id: change.advocate_reward_id } : {}),
      ...(change.advocate_points !== undefined ? { referral_advocate_points: change.advocate_points } : {}),
      ...(change.hold_days !== undefined ? { referral_hold_days: change.hold_days } : {}),
      ...(change.ip_limit_per_week !== undefined ? { referral_ip_limit_per_week: change.ip_limit_per_week } : {}),
      ...(change.link_base !== undefined ? { referral_link_base: change.link_base } : {}),
    })
    .where('id', '=', programId)
    .execute();
}
