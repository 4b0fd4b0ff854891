import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { mulDivFloor } from '../platform/money.ts';
import { programCache } from '../platform/program-cache.ts';

/** What the program gives on each order: a share of what was paid, a fixed amount, or both; to this cause unless the shopper chose one. */
export interface GivingSettings {
  bps: number;
  fixedMinor: number;
  causeId: string | null;
}

const cache = programCache(2_000, async (db, programId) => {
  const row = await db.selectFrom('programs').select(['giving_bps', 'giving_fixed_minor', 'giving_cause_id']).where('id', '=', programId).executeTakeFirstOrThrow();
  return { bps: row.giving_bps, fixedMinor: Number(row.giving_fixed_minor), causeId: row.giving_cause_id };
});

export const givingSettings = (db: Db | Tx, programId: string): Promise<GivingSettings> => cache.get(db, programId);
export const forgetGivingSettings = (programId: string) => cache.forget(programId);

export const givingOn = (s: GivingSettings) => s.bps > 0 || s.fixedMinor > 0;

/** The donation an order makes: the fixed amount plus the share of the merchandise paid, rounded down. */
export const donationFor = (paid: number, s: GivingSettings) => (paid > 0 ? s.fixedMinor + mulDivFloor(paid, s.bps, 10_000) : 0);

export interface OrderDonation {
  programId: string;
  customerId: string;
  orderId: string;
  /** The shopper's chosen cause, if any; the program's otherwise. */
  chosenCauseId: string | null;
  paid: number;
  currency: string;
}

/**
 * Records what each order gives, in the order's transaction: to the shopper's cause while it is
 * active, else the program's; none, or nothing due, gives nothing. Once per order (a replayed
 * order records nothing more).
 */
export async function donateForOrders(tx: Tx, settings: GivingSettings, orders: OrderDonation[], at: Date): Promise<void> {
  if (!givingOn(settings) || orders.length === 0) return;
  const rows = orders
    .map((o) => ({ id: newId('don', at.getTime()), program_id: o.programId, customer_id: o.customerId, order_id: o.orderId, chosen: o.chosenCauseId, amount: donationFor(o.paid, settings), currency: o.currency }))
    .filter((r) => r.amount > 0);
  if (rows.length === 0) return;
  await sql`
    insert into donations (id, program_id, customer_id, cause_id, source, order_id, points, amount_minor, currency, created_at)
    select r.id, r.program_id, r.customer_id, coalesce(chosen.id, ${settings.causeId}), 'order', r.order_id, 0, r.amount, r.currency, ${at}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id text, program_id text, customer_id text, order_id text, chosen text, amount bigint, currency text)
    left join charity_causes chosen on chosen.id = r.chosen and chosen.program_id = r.program_id and chosen.status = 'active'
    where coalesce(chosen.id, ${settings.causeId}) is not null
    on conflict (order_id, customer_id) where source = 'order' do nothing`.execute(tx);
}

/**
 * Takes back an order's donation in proportion to what is refunded (all of it when the order is
 * cancelled): one negative row per refund, so the totals stay net.
 */
export async function reverseOrderDonation(tx: Tx, o: { customerId: string; orderId: string; refundId: string; share: (donated: number, takenBack: number) => number }, at: Date): Promise<void> {
  const row = await tx
    .selectFrom('donations')
    .select(['program_id', 'cause_id', 'currency', sql<number>`sum(amount_minor) filter (where source = 'order')`.as('donated'), sql<number>`coalesce(-sum(amount_minor) filter (where source = 'refund'), 0)`.as('taken')])
    .where('customer_id', '=', o.customerId)
    .where('order_id', '=', o.orderId)
    .groupBy(['program_id', 'cause_id', 'currency'])
    .executeTakeFirst();
  if (!row) return;
  const back = o.share(Number(row.donated), Number(row.taken));
  if (back <= 0) return;
  await tx
    .insertInto('donations')
    .values({ id: newId('don', at.getTime()), program_id: row.program_id, customer_id: o.customerId, cause_id: row.cause_id, source: 'refund', order_id: o.orderId, refund_id: o.refundId, points: 0, amount_minor: -back, currency: row.currency, created_at: at })
    .onConflict((oc) => oc.columns(['refund_id', 'customer_id']).where('source', '=', 'refund').doNothing())
    .execute();
}
