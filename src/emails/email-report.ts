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

/** Where a message came from, for the reports: its flow, or for a campaign's, `campaign:<id>`. */
const sourceOf = (m: string) => sql.raw(`case when ${m}.flow = 'campaign' then 'campaign:' || ${m}.trigger_key else ${m}.flow end`);

export const campaignSource = (campaignId: string) => `campaign:${campaignId}`;

/**
 * Per source (a flow, or one campaign), over messages made in [from, to): how many went, were
 * held back or not sent; the opt-outs that followed its emails and the clicks on them (with link
 * tracking on); and the orders that used a code one of its emails carried, or else were placed
 * within a week after one of its emails (the latest email before the order takes it), with their
 * revenue net of refunds. No tracking pixel: attribution needs only the orders.
 */
export async function emailReports(db: Db, programId: string, range: { from: Date; to: Date }): Promise<Map<string, FlowReport>> {
  const [counts, orders, unsubscribes, clicks] = await Promise.all([
    sql<{ source: string; status: string; n: string }>`
      select ${sourceOf('m')} as source, status, count(*) as n from email_messages m
      where program_id = ${programId} and created_at >= ${range.from} and created_at < ${range.to}
      group by 1, 2`.execute(db),
    sql<{ source: string; orders: string; revenue: string }>`
      select coalesce(c.source, w.source) as source, count(*) as orders, coalesce(sum(o.total_minor - o.refunded_minor), 0) as revenue
      from orders o
      -- An order that used the code an email carried belongs to that email, however late.
      left join lateral (
        select m.flow as source from redemptions r
        join email_messages m on m.customer_id = r.customer_id and m.flow = 'reward_redeemed' and m.context->>'redemption_id' = r.id and m.sent_at is not null
        where r.order_id = o.id and r.customer_id = o.customer_id
        limit 1) c on true
      left join lateral (
        select ${sourceOf('m')} as source from email_messages m
        where m.customer_id = o.customer_id and m.sent_at is not null and m.sent_at <= o.placed_at and m.sent_at > o.placed_at - make_interval(days => ${ATTRIBUTION_DAYS})
        order by m.sent_at desc limit 1) w on true
      where o.program_id = ${programId} and o.status = 'placed' and o.placed_at >= ${range.from} and o.placed_at < ${range.to}
        and coalesce(c.source, w.source) is not null
      group by 1`.execute(db),
    sql<{ source: string; n: string }>`
      select m.source, count(*) as n
      from email_unsubscribes u
      cross join lateral (
        select ${sourceOf('m')} as source from email_messages m
        where m.customer_id = u.customer_id and m.category = 'marketing' and m.sent_at is not null and m.sent_at <= u.at
        order by m.sent_at desc limit 1) m
      where u.program_id = ${programId} and u.at >= ${range.from} and u.at < ${range.to}
      group by m.source`.execute(db),
    sql<{ source: string; n: string }>`
      select ${sourceOf('m')} as source, count(*) as n
      from email_clicks c join email_messages m on m.id = c.message_id and m.customer_id = c.customer_id
      where c.program_id = ${programId} and c.at >= ${range.from} and c.at < ${range.to}
      group by 1`.execute(db),
  ]);
  const sources = new Set([...counts.rows, ...orders.rows, ...unsubscribes.rows, ...clicks.rows].map((r) => r.source));
  return new Map(
    [...sources].map((source) => {
      const count = (status: string) => Number(counts.rows.find((c) => c.source === source && c.status === status)?.n ?? 0);
      const attributed = orders.rows.find((o) => o.source === source);
      const report: FlowReport = {
        flow: source,
        queued: count('queued'),
        sent: count('sent'),
        outbox: count('outbox'),
        deferred: count('deferred'),
        suppressed: count('suppressed'),
        failed: count('failed'),
        cancelled: count('cancelled'),
        unsubscribes: Number(unsubscribes.rows.find((u) => u.source === source)?.n ?? 0),
        clicks: Number(clicks.rows.find((c) => c.source === source)?.n ?? 0),
        orders: Number(attributed?.orders ?? 0),
        revenue: Number(attributed?.revenue ?? 0),
      };
      return [source, report];
    }),
  );
}

const emptyReport = (flow: string): FlowReport => ({ flow, queued: 0, sent: 0, outbox: 0, deferred: 0, suppressed: 0, failed: 0, cancelled: 0, unsubscribes: 0, clicks: 0, orders: 0, revenue: 0 });

/** Every flow's report over [from, to), one row each. */
export async function flowReports(db: Db, programId: string, range: { from: Date; to: Date }): Promise<FlowReport[]> {
  const reports = await emailReports(db, programId, range);
  return FLOWS.map((f) => reports.get(f.name) ?? emptyReport(f.name));
}

/** One campaign's report: its messages, and what followed them up to now. */
export async function campaignReport(db: Db, programId: string, campaignId: string, range: { from: Date; to: Date }): Promise<FlowReport> {
  return (await emailReports(db, programId, range)).get(campaignSource(campaignId)) ?? emptyReport(campaignSource(campaignId));
}
