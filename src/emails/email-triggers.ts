import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { FlowName } from './flows.ts';

/**
 * What starts each flow, found level-triggered: the sweep asks "what happened in the last days
 * that has no message yet", so nothing is lost while an instance is down, and the unique key of a
 * message (flow, step, customer, trigger) makes a second look harmless. Only what happened
 * recently counts: imported history never sets off a flow.
 */
export interface Trigger {
  customerId: string;
  /** Names the occasion: an order, a redemption, a year's birthday, an expiry date. */
  key: string;
  at: Date;
  /** When each step is due, where the flow's own delays do not say it (a last chance before a date). */
  stepsAt?: Date[];
  context?: Record<string, string | number>;
}

const DAY_MS = 86_400_000;
/** How far back a sweep looks at most: what happened earlier than this never sets off a flow. */
export const LOOKBACK_DAYS = 3;

/** What happened from `from` (a sweep that ran a minute ago looks back a little more than a minute) up to now. */
export interface Window {
  from: Date;
  now: Date;
}

type Source = (db: Db, programId: string, window: Window) => Promise<Trigger[]>;

/** A program event of the last days: the outbox its cause wrote in the same transaction. */
const fromEvents =
  (type: string, toTrigger: (e: { id: string; customer_id: string; created_at: Date; data: Record<string, unknown> }) => Trigger | undefined): Source =>
  async (db, programId, { from }) => {
    const rows = await db.selectFrom('program_events').select(['id', 'customer_id', 'created_at', 'data']).where('program_id', '=', programId).where('type', '=', type).where('created_at', '>=', from).execute();
    return rows.map((r) => toTrigger({ ...r, created_at: new Date(r.created_at), data: r.data as Record<string, unknown> })).filter((t): t is Trigger => t !== undefined);
  };

const welcome: Source = async (db, programId, { from }) => {
  const rows = await db.selectFrom('customers').select(['id', 'created_at']).where('program_id', '=', programId).where('created_at', '>=', from).where('redacted_at', 'is', null).execute();
  return rows.map((r) => ({ customerId: r.id, key: 'joined', at: new Date(r.created_at) }));
};

const orderPlaced: Source = async (db, programId, { from, now }) => {
  const rows = await db
    .selectFrom('orders')
    .select(['id', 'customer_id', 'external_id', 'total_minor', 'points_earned', 'placed_at', 'created_at'])
    .where('program_id', '=', programId)
    .where('status', '=', 'placed')
    .where('created_at', '>=', from)
    .where('placed_at', '>=', new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS))
    .execute();
  return rows.map((r) => ({ customerId: r.customer_id, key: r.id, at: new Date(r.created_at), context: { order_id: r.id, order_number: r.external_id, order_total: r.total_minor, order_points: r.points_earned } }));
};

const birthday: Source = async (db, programId, { now }) => {
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where('program_id', '=', programId)
    .where('redacted_at', 'is', null)
    .where(sql<boolean>`extract(month from birthday) = ${now.getUTCMonth() + 1} and extract(day from birthday) = ${now.getUTCDate()}`)
    .execute();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return rows.map((r) => ({ customerId: r.id, key: String(now.getUTCFullYear()), at: today }));
};

/** Entering the at-risk stage (no order for 90 days), and lapsing (180): once per last order. */
const winBack: Source = async (db, programId, { now }) => {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'last_order_at'])
    .where('program_id', '=', programId)
    .where('redacted_at', 'is', null)
    .where('last_order_at', '<=', new Date(now.getTime() - 90 * DAY_MS))
    .where('last_order_at', '>', new Date(now.getTime() - (90 + LOOKBACK_DAYS) * DAY_MS))
    .execute();
  return rows.map((r) => {
    const last = new Date(r.last_order_at!);
    return { customerId: r.id, key: last.toISOString().slice(0, 10), at: new Date(last.getTime() + 90 * DAY_MS), stepsAt: [new Date(last.getTime() + 90 * DAY_MS), new Date(last.getTime() + 180 * DAY_MS)] };
  });
};

const tierUpgraded: Source = async (db, programId, { from }) => {
  const rows = await db
    .selectFrom('tier_changes as c')
    .innerJoin('tiers as to', 'to.id', 'c.to_tier_id')
    .leftJoin('tiers as from', 'from.id', 'c.from_tier_id')
    .select(['c.id', 'c.customer_id', 'c.created_at'])
    .where('c.program_id', '=', programId)
    .where('c.created_at', '>=', from)
    .where('c.reason', '!=', 'imported')
    .where((eb) => eb.or([eb('c.from_tier_id', 'is', null), eb('to.threshold', '>', eb.ref('from.threshold'))]))
    .execute();
  return rows.map((r) => ({ customerId: r.customer_id, key: r.id, at: new Date(r.created_at) }));
};

const membershipRenewal: Source = async (db, programId, { now }) => {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('membership_plans as p', 'p.id', 'm.plan_id')
    .select(['m.id', 'm.customer_id', 'm.current_period_end', 'p.name', 'p.price_minor'])
    .where('m.program_id', '=', programId)
    .where('m.status', '=', 'active')
    .where('p.interval', '!=', 'fixed')
    .where('m.current_period_end', '>', now)
    .where('m.current_period_end', '<=', new Date(now.getTime() + 7 * DAY_MS))
    .execute();
  return rows.map((r) => {
    const end = new Date(r.current_period_end);
    return { customerId: r.customer_id, key: `${r.id}:${end.toISOString().slice(0, 10)}`, at: now, context: { plan_name: r.name, renews_on: end.toISOString(), price: r.price_minor } };
  });
};

const DAY = (d: unknown) => new Date(String(d));

/** Flows set off by the calendar rather than by something new: a sweep asks for them once an hour. */
export const CALENDAR_FLOWS: ReadonlySet<FlowName> = new Set(['birthday', 'win_back', 'membership_renewal']);

export const TRIGGERS: Partial<Record<FlowName, Source>> = {
  welcome,
  post_purchase: orderPlaced,
  review_request: orderPlaced,
  birthday,
  win_back: winBack,
  tier_upgraded: tierUpgraded,
  membership_renewal: membershipRenewal,
  reward_redeemed: fromEvents('redemption.created', (e) => (e.data.has_code ? { customerId: e.customer_id, key: e.id, at: e.created_at, context: { redemption_id: String(e.data.redemption_id) } } : undefined)),
  referral_rewarded: fromEvents('referral.completed', (e) => ({ customerId: e.customer_id, key: e.id, at: e.created_at, context: { referral_points: Number(e.data.points ?? 0) } })),
  tier_will_downgrade: fromEvents('tier.will_downgrade', (e) => ({ customerId: e.customer_id, key: e.id, at: e.created_at })),
  points_expiring: fromEvents('points.expiring_soon', (e) => {
    const expires = DAY(e.data.expires_at);
    return { customerId: e.customer_id, key: expires.toISOString().slice(0, 10), at: e.created_at, stepsAt: [e.created_at, new Date(Math.max(e.created_at.getTime(), expires.getTime() - 3 * DAY_MS))], context: { points: Number(e.data.points ?? 0), expires_at: expires.toISOString() } };
  }),
};
