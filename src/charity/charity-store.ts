import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { CharityCausesTable } from '../platform/db/schema.ts';
import { conflict, invalidRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { isEmptyChange } from '../platform/changes.ts';

export type CauseRow = Selectable<CharityCausesTable>;

export interface CauseTotals {
  donations: number;
  points: number;
  amount: number;
}

export async function createCause(db: Db, programId: string, input: { name: string; description?: string }, at: Date): Promise<CauseRow> {
  return db
    .insertInto('charity_causes')
    .values({ id: newId('cause', at.getTime()), program_id: programId, name: input.name, description: input.description ?? null, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getCause(db: Db | Tx, programId: string, id: string): Promise<CauseRow> {
  const row = await db.selectFrom('charity_causes').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('cause', id);
  return row;
}

/** A cause a reward may name: it must exist in the program. */
export async function assertCauseExists(db: Db, programId: string, id: string): Promise<void> {
  const row = await db.selectFrom('charity_causes').select('id').where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw invalidRequest('cause_unknown', `No cause with id "${id}".`, 'cause_id');
}

/** A cause that takes donations now; naming `param`, a missing or archived one is the caller's mistake (400), else a conflict. */
export async function assertCauseActive(db: Db | Tx, programId: string, id: string, param?: string): Promise<void> {
  const cause = await db.selectFrom('charity_causes').select('status').where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!cause) throw param ? invalidRequest('cause_unknown', `No cause with id "${id}".`, param) : notFound('cause', id);
  if (cause.status !== 'active') throw param ? invalidRequest('cause_archived', 'This cause no longer takes donations.', param) : conflict('cause_archived', 'This cause no longer takes donations.');
}

export async function listCauses(db: Db, programId: string, page: { limit: number; starting_after?: string }) {
  let query = db.selectFrom('charity_causes').selectAll().where('program_id', '=', programId);
  if (page.starting_after) query = query.where('id', '>', page.starting_after);
  return query.orderBy('id').limit(page.limit + 1).execute();
}

export async function updateCause(db: Db, programId: string, id: string, changes: { name?: string; description?: string; status?: 'active' | 'archived' }, at: Date) {
  const current = await getCause(db, programId, id);
  if (isEmptyChange(changes)) return current;
  return db.updateTable('charity_causes').set({ ...changes, updated_at: at }).where('program_id', '=', programId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Running totals of what each cause received. */
export async function causeTotals(db: Db, programId: string, causeIds: string[]): Promise<Map<string, CauseTotals>> {
  if (causeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('donations')
    .select(['cause_id', sql<number>`(count(*) filter (where source <> 'refund'))::int`.as('donations'), sql<number>`coalesce(sum(points), 0)::bigint`.as('points'), sql<number>`coalesce(sum(amount_minor), 0)::bigint`.as('amount')])
    .where('program_id', '=', programId)
    .where('cause_id', 'in', causeIds)
    .groupBy('cause_id')
    .execute();
  return new Map(rows.map((r) => [r.cause_id, { donations: r.donations, points: Number(r.points), amount: Number(r.amount) }]));
}

export async function recordDonation(
  tx: Tx,
  d: { programId: string; customerId: string; causeId: string; redemptionId: string; points: number; amount: number; currency: string },
  at: Date,
): Promise<void> {
  await tx
    .insertInto('donations')
    .values({ id: newId('don', at.getTime()), program_id: d.programId, customer_id: d.customerId, cause_id: d.causeId, redemption_id: d.redemptionId, points: d.points, amount_minor: d.amount, currency: d.currency, created_at: at })
    .execute();
}

/**
 * Donations per cause per calendar month (UTC) within [from, to), by who funded them: `points`
 * (shoppers' redeemed points) or `order` (the merchant's share of orders, net of refunds).
 */
export async function donationReport(db: Db, programId: string, range: { from: Date; to: Date }) {
  const { rows } = await sql<{ cause_id: string; name: string; month: string; source: 'points' | 'order'; donations: number; points: number; amount: number; currency: string }>`
    select d.cause_id, c.name, to_char(date_trunc('month', d.created_at at time zone 'UTC'), 'YYYY-MM') as month,
      case when d.source = 'points' then 'points' else 'order' end as source,
      count(*) filter (where d.source <> 'refund')::int as donations, sum(d.points)::bigint as points, sum(d.amount_minor)::bigint as amount, d.currency
    from donations d join charity_causes c on c.id = d.cause_id
    where d.program_id = ${programId} and d.created_at >= ${range.from} and d.created_at < ${range.to}
    group by d.cause_id, c.name, month, 4, d.currency
    order by month, c.name, 4`.execute(db);
  return rows;
}

/** What a customer has given: points redeemed for causes, and the merchant's giving on their orders, net of refunds. */
export async function givenBy(db: Db | Tx, customerId: string): Promise<{ amount: number; points: number }> {
  const row = await db.selectFrom('donations').select([sql<number>`coalesce(sum(amount_minor), 0)::bigint`.as('amount'), sql<number>`coalesce(sum(points), 0)::bigint`.as('points')]).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
  return { amount: Number(row.amount), points: Number(row.points) };
}
