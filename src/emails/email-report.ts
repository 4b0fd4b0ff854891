import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import { FLOWS } from './flows.ts';

/** Attribution: an order within this many days after an email is counted for that email's flow (the latest one). */
export const ATTRIBUTION_DAYS = 7;

export async function recordUnsubscribe(db: Db | Tx, programId: string, customerId: string, via: 'one_click' | 'page', at: Date): Promise<void> {
  await db.insertInto('email_unsubscribes').values({ program_id: programId, customer_id: customerId, via, at }).onConflict((oc) => oc.doNothing()).execute();
}

export interface FlowReport {
  flow: string;
  queued: number;
  sent: number;
  outbox: number;
  deferred: number;
  suppressed: number;
  failed: number;
  cancelled: number;
  unsubscribes: number;
  orders: number;
  revenue: number;
}

/**
 * Per flow, over messages made in [from, to): how many went, were held back or not sent; the
 * opt-outs that followed its emails; and the orders placed within a week after one of its emails
 * (the latest email before the order takes it), with their revenue net of refunds. No tracking
 * pixel: attribution needs only the orders.
 */
export async function flowReports(db: Db, programId: string, range: { from: Date; to: Date }): Promise<FlowReport[]> {
  const [counts, orders, unsubscribes] = await Promise.all([
    db
      .selectFrom('email_messages')
      .select(['flow', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('program_id', '=', programId)
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .groupBy(['flow', 'status'])
      .execute(),
    sql<{ flow: string; orders: string; revenue: string }>`
      select m.flow, count(*) as orders, coalesce(sum(o.total_minor - o.refunded_minor), 0) as revenue
      from orders o
      cross join lateral (
        select flow from email_messages m
        where m.customer_id = o.customer_id and m.sent_at is not null and m.sent_at <= o.placed_at and m.sent_at > o.placed_at - make_interval(days => ${ATTRIBUTION_DAYS})
        order by m.sent_at desc limit 1) m
      where o.program_id = ${programId} and o.status = 'placed' and o.placed_at >= ${range.from} and o.placed_at < ${range.to}
      group by m.flow`.execute(db),
    sql<{ flow: string; n: string }>`
      select m.flow, count(*) as n
      from email_unsubscribes u
      cross join lateral (
        select flow from email_messages m
        where m.customer_id = u.customer_id and m.category = 'marketing' and m.sent_at is not null and m.sent_at <= u.at
        order by m.sent_at desc limit 1) m
      where u.program_id = ${programId} and u.at >= ${range.from} and u.at < ${range.to}
      group by m.flow`.execute(db),
  ]);
  return FLOWS.map((f) => {
    const count = (status: string) => Number(counts.find((c) => c.flow === f.name && c.status === status)?.n ?? 0);
    const attributed = orders.rows.find((o) => o.flow === f.name);
    return {
      flow: f.name,
      queued: count('queued'),
      sent: count('sent'),
      outbox: count('outbox'),
      deferred: count('deferred'),
      suppressed: count('suppressed'),
      failed: count('failed'),
      cancelled: count('cancelled'),
      unsubscribes: Number(unsubscribes.rows.find((u) => u.flow === f.name)?.n ?? 0),
      orders: Number(attributed?.orders ?? 0),
      revenue: Number(attributed?.revenue ?? 0),
    };
  });
}
