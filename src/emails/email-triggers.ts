import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { productLifespans } from '../products/product-lifespans.ts';
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
    return rows.flatMap((r) => (r.customer_id ? [toTrigger({ ...r, customer_id: r.customer_id, created_at: new Date(r.created_at), data: r.data as Record<string, unknown> })] : [])).filter((t): t is Trigger => t !== undefined);
  };

/**
 * A customer who just joined: not one an import brought over, nor one whose first order is older
 * than their record (an order history replayed with points).
 */
const welcome: Source = async (db, programId, { from }) => {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'created_at'])
    .where('program_id', '=', programId)
    .where('created_at', '>=', from)
    .where('redacted_at', 'is', null)
    .where('imported_at', 'is', null)
    .where(sql<boolean>`(first_order_at is null or first_order_at >= created_at - make_interval(days => ${LOOKBACK_DAYS}))`)
    .execute();
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

/** A move up that an order or an event earned just now: not one that replaying history (an import, a recalculation) made. */
const tierUpgraded: Source = async (db, programId, { from, now }) => {
  const rows = await db
    .selectFrom('tier_changes as c')
    .innerJoin('tiers as to', 'to.id', 'c.to_tier_id')
    .leftJoin('tiers as from', 'from.id', 'c.from_tier_id')
    .leftJoin('orders as o', (join) => join.onRef('o.id', '=', 'c.cause_id').onRef('o.customer_id', '=', 'c.customer_id').on('c.cause_type', '=', 'order'))
    .select(['c.id', 'c.customer_id', 'c.created_at'])
    .where('c.program_id', '=', programId)
    .where('c.created_at', '>=', from)
    .where('c.reason', '=', 'qualified')
    .where((eb) => eb.or([eb('o.id', 'is', null), eb('o.placed_at', '>=', new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS))]))
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

/**
 * The balance buys a reward: the dearest one it buys, at most once a calendar month per reward
 * (LoyaltyLion's rule is once in 30 days), until it is redeemed or out of reach.
 */
const rewardAvailable: Source = async (db, programId, { now }) => {
  const { rows } = await sql<{ id: string; reward_id: string; name: string; points_cost: number }>`
    select c.id, r.id as reward_id, r.name, r.points_cost
    from customers c
    cross join lateral (
      select id, name, (definition->>'points_cost')::bigint as points_cost from rewards
      where program_id = c.program_id and status = 'active' and definition ? 'points_cost' and (definition->>'points_cost')::bigint <= c.points_available
      order by (definition->>'points_cost')::bigint desc limit 1) r
    where c.program_id = ${programId} and c.redacted_at is null and c.points_available > 0`.execute(db);
  const month = now.toISOString().slice(0, 7);
  return rows.map((r) => ({ customerId: r.id, key: `${r.reward_id}:${month}`, at: now, context: { reward_name: r.name, reward_points_cost: Number(r.points_cost) } }));
};

/** Customers who ordered in the last six months (LoyaltyLion's rule for statements): the monthly summary, on the 1st. */
const pointsSummary: Source = async (db, programId, { now }) => {
  if (now.getUTCDate() !== 1) return [];
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where('program_id', '=', programId)
    .where('redacted_at', 'is', null)
    .where('points_available', '>', 0)
    .where('last_order_at', '>=', new Date(now.getTime() - 183 * DAY_MS))
    .execute();
  const month = now.toISOString().slice(0, 7);
  return rows.map((r) => ({ customerId: r.id, key: month, at: now }));
};

/** Personal picks every three weeks (seed: Beard King), for customers who ordered in the last six months. */
export const RECOMMENDATIONS_EVERY_DAYS = 21;
const recommendations: Source = async (db, programId, { now }) => {
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where('program_id', '=', programId)
    .where('redacted_at', 'is', null)
    .where('last_order_at', '>=', new Date(now.getTime() - 183 * DAY_MS))
    .where('last_order_at', '<=', new Date(now.getTime() - 7 * DAY_MS))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('email_messages as m').select('m.id').whereRef('m.customer_id', '=', 'customers.id').where('m.flow', '=', 'recommendations').where('m.created_at', '>', new Date(now.getTime() - RECOMMENDATIONS_EVERY_DAYS * DAY_MS)))),
    )
    .execute();
  return rows.map((r) => ({ customerId: r.id, key: now.toISOString().slice(0, 10), at: now }));
};

/** An order placed without a store account (no store customer id) whose points wait for the shopper to sign up. */
const guestClaim: Source = async (db, programId, { from, now }) => {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select(['o.id', 'o.customer_id', 'o.external_id', 'o.total_minor', 'o.points_earned', 'o.created_at'])
    .where('o.program_id', '=', programId)
    .where('o.status', '=', 'placed')
    .where('o.created_at', '>=', from)
    .where('o.placed_at', '>=', new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS))
    .where('o.points_earned', '>', 0)
    .where('c.external_id', 'is', null)
    // The order made the customer: no account came before it.
    .where(sql<boolean>`c.created_at >= o.created_at - interval '1 minute'`)
    .execute();
  return rows.map((r) => ({ customerId: r.customer_id, key: r.id, at: new Date(r.created_at), context: { order_id: r.id, order_number: r.external_id, order_total: r.total_minor, order_points: r.points_earned } }));
};

/** Where in a product's lifespan the reminder goes: before it runs out (75–80%). */
export const REPLENISH_AT = 0.78;

/**
 * A product bought about 78% of its lifespan ago and not bought again since: the customer's last
 * purchase of it names the occasion, so buying it again starts a new one.
 */
const replenishment: Source = async (db, programId, { now }) => {
  const lifespans = await productLifespans(db, programId, now);
  if (lifespans.size === 0) return [];
  const days = [...lifespans.values()];
  const [longest, shortest] = [Math.max(...days), Math.min(...days)];
  const { rows } = await sql<{ customer_id: string; product_id: string; title: string; placed_at: Date }>`
    select o.customer_id, li.product_id, li.title, o.placed_at
    from orders o cross join lateral jsonb_to_recordset(o.line_items) as li(product_id text, title text)
    where o.program_id = ${programId} and o.status = 'placed'
      and o.placed_at >= ${new Date(now.getTime() - (longest * REPLENISH_AT + LOOKBACK_DAYS) * DAY_MS)}
      and o.placed_at <= ${new Date(now.getTime() - shortest * REPLENISH_AT * DAY_MS)}
      and li.product_id = any(${[...lifespans.keys()]})
      and not exists (
        select 1 from orders later
        where later.program_id = o.program_id and later.customer_id = o.customer_id and later.status = 'placed' and later.placed_at > o.placed_at
          and later.line_items @> jsonb_build_array(jsonb_build_object('product_id', li.product_id)))`.execute(db);
  const triggers = new Map<string, Trigger>();
  for (const r of rows) {
    const placed = new Date(r.placed_at);
    const due = new Date(placed.getTime() + lifespans.get(r.product_id)! * REPLENISH_AT * DAY_MS);
    if (due > now || due.getTime() < now.getTime() - LOOKBACK_DAYS * DAY_MS) continue;
    const key = `${r.product_id}:${placed.toISOString()}`;
    triggers.set(`${r.customer_id}|${key}`, { customerId: r.customer_id, key, at: due, context: { product_id: r.product_id, product_title: r.title } });
  }
  return [...triggers.values()];
};

const DAY = (d: unknown) => new Date(String(d));

/** A gift of points; one a campaign gave is announced by the campaign's email, a reward's by its code's (reward_redeemed). */
const giftReceived: Source = async (db, programId, { from }) => {
  const rows = await db
    .selectFrom('program_events as e')
    .select(['e.id', 'e.customer_id', 'e.created_at', 'e.data'])
    .where('e.program_id', '=', programId)
    .where('e.type', '=', 'gift.received')
    .where('e.created_at', '>=', from)
    .where(sql<boolean>`e.data->>'points' is not null`)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('email_campaigns as c').select('c.id').where('c.program_id', '=', programId).where(sql<boolean>`c.gift_id = e.data->>'gift_id'`))))
    .execute();
  return rows.flatMap((r) => {
    const data = r.data as { gift_id: string; reason: string; points: number };
    return r.customer_id ? [{ customerId: r.customer_id, key: data.gift_id, at: new Date(r.created_at), context: { gift_reason: data.reason, gift_points: data.points } }] : [];
  });
};

/** After an order, asked at most once a quarter: the quarter names the occasion. */
const survey: Source = async (db, programId, window) =>
  (await orderPlaced(db, programId, window)).map((t) => ({ ...t, key: `${t.at.getUTCFullYear()}-Q${Math.floor(t.at.getUTCMonth() / 3) + 1}` }));

/** Flows set off by the calendar rather than by something new: a sweep asks for them once an hour. */
export const CALENDAR_FLOWS: ReadonlySet<FlowName> = new Set(['birthday', 'win_back', 'membership_renewal', 'replenishment', 'reward_available', 'points_summary', 'recommendations']);

export const TRIGGERS: Partial<Record<FlowName, Source>> = {
  welcome,
  post_purchase: orderPlaced,
  review_request: orderPlaced,
  survey,
  gift_received: giftReceived,
  birthday,
  win_back: winBack,
  tier_upgraded: tierUpgraded,
  membership_renewal: membershipRenewal,
  replenishment,
  reward_available: rewardAvailable,
  points_summary: pointsSummary,
  recommendations,
  guest_claim: guestClaim,
  reward_redeemed: fromEvents('redemption.created', (e) => (e.data.has_code ? { customerId: e.customer_id, key: e.id, at: e.created_at, context: { redemption_id: String(e.data.redemption_id) } } : undefined)),
  referral_rewarded: fromEvents('referral.completed', (e) => ({ customerId: e.customer_id, key: e.id, at: e.created_at, context: { referral_points: Number(e.data.points ?? 0) } })),
  tier_will_downgrade: fromEvents('tier.will_downgrade', (e) => ({ customerId: e.customer_id, key: e.id, at: e.created_at, context: { tier_id: String(e.data.tier_id ?? ''), metric_value: Number(e.data.metric_value ?? 0) } })),
  points_expiring: fromEvents('points.expiring_soon', (e) => {
    const expires = DAY(e.data.expires_at);
    return { customerId: e.customer_id, key: expires.toISOString().slice(0, 10), at: e.created_at, stepsAt: [e.created_at, new Date(Math.max(e.created_at.getTime(), expires.getTime() - 3 * DAY_MS))], context: { points: Number(e.data.points ?? 0), expires_at: expires.toISOString() } };
  }),
};
