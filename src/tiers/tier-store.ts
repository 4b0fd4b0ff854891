import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { TiersTable } from '../platform/db/schema.ts';
import { invalidRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { programCache } from '../platform/program-cache.ts';
import { ranked, type MetricValue, type Tier, type TierSettings } from './tier.ts';
import { isEmptyChange } from '../platform/changes.ts';

type TierRow = Selectable<TiersTable>;

export interface StoredTier extends Tier {
  created_at: Date;
  updated_at: Date;
}

const toTier = (r: TierRow): StoredTier => ({
  id: r.id,
  name: r.name,
  threshold: r.threshold,
  retain_threshold: r.retain_threshold,
  multiplier_hundredths: r.multiplier_hundredths,
  entry_reward_id: r.entry_reward_id,
  birthday_points: r.birthday_points,
  perks: r.perks,
  status: r.status,
  cashback_bps: r.cashback_bps,
  created_at: new Date(r.created_at),
  updated_at: new Date(r.updated_at),
});

export type TierInput = Omit<Tier, 'id' | 'status'>;

export async function createTier(db: Db, programId: string, input: TierInput, at: Date): Promise<StoredTier> {
  const row = await db
    .insertInto('tiers')
    .values({ ...input, id: newId('tier', at.getTime()), program_id: programId, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  forgetTiers(programId);
  return toTier(row);
}

export async function updateTier(db: Db, programId: string, id: string, changes: Partial<TierInput> & { status?: 'active' | 'archived' }, at: Date): Promise<StoredTier> {
  if (isEmptyChange(changes)) return getTier(db, programId, id);
  const row = await db.updateTable('tiers').set({ ...changes, updated_at: at }).where('program_id', '=', programId).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw notFound('tier', id);
  forgetTiers(programId);
  return toTier(row);
}

export async function getTier(db: Db | Tx, programId: string, id: string): Promise<StoredTier> {
  const row = await db.selectFrom('tiers').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('tier', id);
  return toTier(row);
}

export async function listTiers(db: Db | Tx, programId: string): Promise<StoredTier[]> {
  const rows = await db.selectFrom('tiers').selectAll().where('program_id', '=', programId).orderBy('threshold').orderBy('id').execute();
  return rows.map(toTier);
}

const cache = programCache(2_000, async (db, programId): Promise<{ tiers: Tier[]; settings: TierSettings }> => {
  const program = await db.selectFrom('programs').select(['tier_metric', 'tier_period', 'tier_grace_days']).where('id', '=', programId).executeTakeFirstOrThrow();
  const tiers = (await listTiers(db, programId)).filter((t) => t.status === 'active');
  return { tiers, settings: { metric: program.tier_metric, period: program.tier_period, graceDays: program.tier_grace_days } };
});

function forgetTiers(programId: string): void {
  cache.forget(programId);
}

/** The program's tiers and tier settings (cached, see programCache). */
export function tierProgram(db: Db | Tx, programId: string): Promise<{ tiers: Tier[]; settings: TierSettings }> {
  return cache.get(db, programId);
}

export function forgetTierSettings(programId: string): void {
  forgetTiers(programId);
}

/** Start of this calendar year, of last year, and of the rolling 12 months, UTC. */
function windows(now: Date) {
  const year = now.getUTCFullYear();
  const rolling = new Date(now.getTime());
  rolling.setUTCFullYear(year - 1);
  return { thisYear: new Date(Date.UTC(year, 0, 1)), lastYear: new Date(Date.UTC(year - 1, 0, 1)), rolling };
}

/** Where the `current` window starts, and the `previous` one (calendar years only). */
function windowBounds(settings: TierSettings, now: Date): { currentFrom: Date; previousFrom: Date | null } {
  const w = windows(now);
  if (settings.period === 'calendar_year') return { currentFrom: w.thisYear, previousFrom: w.lastYear };
  if (settings.period === 'rolling_12_months') return { currentFrom: w.rolling, previousFrom: null };
  return { currentFrom: new Date(0), previousFrom: null };
}

/** The customer's totals the lifetime metrics are (kept by every posting, order, refund and import). */
export interface LifetimeTotals {
  points_earned_lifetime: number;
  total_spent_minor: number;
  orders_count: number;
}

/**
 * A lifetime metric read off the customer's row, no query: the row's totals are the same sums
 * metricValues takes (net points earned, spend net of refunds, orders not cancelled) and
 * `regulars verify` holds them to it. Undefined for the windowed periods.
 */
export function lifetimeMetric(customer: LifetimeTotals, settings: TierSettings): MetricValue | undefined {
  if (settings.period !== 'lifetime') return undefined;
  const current = settings.metric === 'points_earned' ? customer.points_earned_lifetime : settings.metric === 'amount_spent' ? customer.total_spent_minor : customer.orders_count;
  return { current: Number(current), previous: 0 };
}

/**
 * The metric of each customer over the period's windows, in one query: points earned (net of
 * reversals), amount spent (net of refunds) or orders placed (not cancelled).
 */
export async function metricValues(db: Db | Tx, programId: string, customerIds: string[], settings: TierSettings, now: Date): Promise<Map<string, MetricValue>> {
  const values = new Map(customerIds.map((id) => [id, { current: 0, previous: 0 }]));
  if (customerIds.length === 0) return values;
  const { currentFrom, previousFrom } = windowBounds(settings, now);
  const prevFrom = previousFrom ?? currentFrom;
  const { rows } = await (settings.metric === 'points_earned'
    ? sql<{ customer_id: string; current: number; previous: number }>`
        select e.customer_id,
          coalesce(sum(e.amount) filter (where t.occurred_at >= ${currentFrom}), 0)::bigint as current,
          coalesce(sum(e.amount) filter (where t.occurred_at >= ${prevFrom} and t.occurred_at < ${currentFrom}), 0)::bigint as previous
        from ledger_entries e join transfers t on t.id = e.transfer_id and t.customer_id = e.customer_id
        where e.customer_id = any(${customerIds}) and e.account like 'customer:%'
          and (t.code like 'earn.%' or t.code like 'reverse.%')
        group by e.customer_id`
    : sql<{ customer_id: string; current: number; previous: number }>`
        select customer_id,
          coalesce(sum(${settings.metric === 'amount_spent' ? sql`total_minor - refunded_minor` : sql`1`}) filter (where placed_at >= ${currentFrom}), 0)::bigint as current,
          coalesce(sum(${settings.metric === 'amount_spent' ? sql`total_minor - refunded_minor` : sql`1`}) filter (where placed_at >= ${prevFrom} and placed_at < ${currentFrom}), 0)::bigint as previous
        from orders
        where program_id = ${programId} and customer_id = any(${customerIds}) and status <> 'cancelled'
        group by customer_id`
  ).execute(db);
  for (const r of rows) values.set(r.customer_id, { current: Number(r.current), previous: Number(r.previous) });
  return values;
}

/** The contributions to a customer's rolling window, oldest first: when each will slide out. */
export async function windowEvents(db: Db, programId: string, customerId: string, settings: TierSettings, now: Date): Promise<{ at: Date; amount: number }[]> {
  if (settings.period !== 'rolling_12_months') return [];
  const from = windows(now).rolling;
  const { rows } = await (settings.metric === 'points_earned'
    ? sql<{ at: Date; amount: number }>`
        select t.occurred_at as at, sum(e.amount)::bigint as amount
        from ledger_entries e join transfers t on t.id = e.transfer_id and t.customer_id = e.customer_id
        where e.customer_id = ${customerId} and e.account like 'customer:%' and (t.code like 'earn.%' or t.code like 'reverse.%') and t.occurred_at >= ${from}
        group by t.id, t.occurred_at order by t.occurred_at`
    : sql<{ at: Date; amount: number }>`
        select placed_at as at, ${settings.metric === 'amount_spent' ? sql`total_minor - refunded_minor` : sql`1`}::bigint as amount
        from orders where program_id = ${programId} and customer_id = ${customerId} and status <> 'cancelled' and placed_at >= ${from}
        order by placed_at`
  ).execute(db);
  return rows.map((r) => ({ at: new Date(r.at), amount: Number(r.amount) }));
}

/** The customer's tier rank and a required tier's rank (-1 for no tier): for tier-only rewards. */
export async function tierRanks(db: Db | Tx, programId: string, customerTierId: string | null, requiredTierId: string): Promise<{ customer: number; required: number; requiredName: string }> {
  const tiers = ranked((await tierProgram(db, programId)).tiers);
  const required = tiers.find((t) => t.id === requiredTierId);
  return { customer: tiers.findIndex((t) => t.id === customerTierId), required: required ? tiers.indexOf(required) : Number.MAX_SAFE_INTEGER, requiredName: required?.name ?? 'an archived tier' };
}

/** A tier a reward or a plan names: it must exist in the program. */
export async function assertTierExists(db: Db, programId: string, id: string, param = 'min_tier_id'): Promise<void> {
  const row = await db.selectFrom('tiers').select('id').where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw invalidRequest('tier_unknown', `No tier with id "${id}".`, param);
}

/** A customer's tier changes, newest first, a page at a time. */
export function tierChanges(db: Db, programId: string, customerId: string, page: { limit: number; starting_after?: string }) {
  let query = db.selectFrom('tier_changes').selectAll().where('program_id', '=', programId).where('customer_id', '=', customerId);
  if (page.starting_after) query = query.where('id', '<', page.starting_after);
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Places a customer in a tier as another app had them (a balance import), recorded as an `imported` change. */
export async function placeTier(tx: Tx, programId: string, customer: { id: string; tier_id: string | null }, tierId: string, at: Date): Promise<boolean> {
  if (customer.tier_id === tierId) return false;
  await tx.updateTable('customers').set({ tier_id: tierId, tier_since: at, tier_unsupported_since: null }).where('id', '=', customer.id).execute();
  await tx
    .insertInto('tier_changes')
    .values({ id: newId('tch', at.getTime()), program_id: programId, customer_id: customer.id, from_tier_id: customer.tier_id, to_tier_id: tierId, reason: 'imported', cause_type: 'import', cause_id: null, metric_value: 0, created_at: at })
    .execute();
  return true;
}
