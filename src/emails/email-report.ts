import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import { FLOWS } from './flows.ts';

/** Attribution: an order within this many days after an email is counted for that email's flow (the latest one). */
export const ATTRIBUTION_DAYS = 7;

export async function recordUnsubscribe(db: Db | Tx, programId: string, customerId: string, via: 'one_click' | 'page', at: Date): Promise<void> {
  await db.insertInto('email_unsubscribes').values({ program_id: programId, customer_id: customerId, via, at }).onConflict((oc) => oc.doNothing()).execute();
}

export async function recordClick(db: Db | Tx, c: { programId: string; customerId: string; messageId: string; url: string }, at: Date): Promise<void> {
  await db.insertInto('email_clicks').values({ program_id: c.programId, customer_id: c.customerId, message_id: c.messageId, url: c.url.slice(0, 2000), at }).onConflict((oc) => oc.doNothing()).execute();
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
  clicks: number;
  orders: number;
  revenue: number;
}

/**
 * Per flow, over messages made in [from, to): how many went, were held back or not sent; the
 * opt-outs that followed its emails and the clicks on them (with link tracking on); and the orders
 * that used a code one of its emails carried, or else were placed within a week after one of its
 * emails (the latest email before the order takes it), with their revenue net of refunds. No
 * tracking pixel: attribution needs only the orders.
 */
export async function flowReports(db: Db, programId: string, range: { from: Date; to: Date }): Promise<FlowReport[]> {
  const [counts, orders, unsubscribes, clicks] = await Promise.all([
    db
      .selectFrom('email_messages')
      .select(['flow', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('program_id', '=', programId)
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .groupBy(['flow', 'status'])
      .execute(),
    sql<{ flow: string; orders: string; revenue: string }>`
      select coalesce(c.flow, w.flow) as flow, count(*) as orders, coalesce(sum(o.total_minor - o.refunded_minor), 0) as revenue
      from orders o
      -- An order that used the code an email carried belongs to that email, however late.
      left join lateral (
        select m.flow from redemptions r
        join email_messages m on m.customer_id = r.customer_id and m.flow = 'reward_redeemed' and m.context->>'redemption_id' = r.id and m.sent_at is not null
        where r.order_id = o.id and r.customer_id = o.customer_id
        limit 1) c on true
      left join lateral (
        select flow from email_messages m
        where m.customer_id = o.customer_id and m.sent_at is not null and m.sent_at <= o.placed_at and m.sent_at > o.placed_at - make_interval(days => ${ATTRIBUTION_DAYS})
        order by m.sent_at desc limit 1) w on true
      where o.program_id = ${programId} and o.status = 'placed' and o.placed_at >= ${range.from} and o.placed_at < ${range.to}
        and coalesce(c.flow, w.flow) is not null
      group by 1`.execute(db),
    sql<{ flow: string; n: string }>`
      select m.flow, count(*) as n
      from email_unsubscribes u
      cross join lateral (
        select flow from email_messages m
        where m.customer_id = u.customer_id and m.category = 'marketing' and m.sent_at is not null and m.sent_at <= u.at
        order by m.sent_at desc limit 1) m
      where u.program_id = ${programId} and u.at >= ${range.from} and u.at < ${range.to}
      group by m.flow`.execute(db),
    db
      .selectFrom('email_clicks as c')
      .innerJoin('email_messages as m', (join) => join.onRef('m.id', '=', 'c.message_id').onRef('m.customer_id', '=', 'c.customer_id'))
      .select(['m.flow', (eb) => eb.fn.countAll<string>().as('n')])
      .where('c.program_id', '=', programId)
      .where('c.at', '>=', range.from)
      .where('c.at', '<', range.to)
      .groupBy('m.flow')
      .execute(),
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
      clicks: Number(clicks.find((c) => c.flow === f.name)?.n ?? 0),
      orders: Number(attributed?.orders ?? 0),
      revenue: Number(attributed?.revenue ?? 0),
    };
  });
}
