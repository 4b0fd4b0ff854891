import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { clvModels } from './clv/clv-models.ts';
import { predictClv } from './clv/clv-prediction.ts';
import { reportQuery } from './report-query.ts';

/** Records (or replaces) what was spent in a month, on one channel or in all ('' when not split). */
export async function recordAcquisitionCost(db: Db, programId: string, cost: { month: string; channel: string; amount_minor: number }, at: Date) {
  return db
    .insertInto('acquisition_costs')
    .values({ program_id: programId, month: `${cost.month}-01`, channel: cost.channel, amount_minor: cost.amount_minor, updated_at: at })
    .onConflict((oc) => oc.columns(['program_id', 'month', 'channel']).doUpdateSet({ amount_minor: cost.amount_minor, updated_at: at }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const listAcquisitionCosts = (db: Db, programId: string) => db.selectFrom('acquisition_costs').selectAll().where('program_id', '=', programId).orderBy('month', 'desc').orderBy('channel').execute();

export async function deleteAcquisitionCost(db: Db, programId: string, month: string, channel: string): Promise<boolean> {
  const result = await db.deleteFrom('acquisition_costs').where('program_id', '=', programId).where('month', '=', `${month}-01`).where('channel', '=', channel).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

interface CohortRow {
  month: string;
  new_customers: number;
  spend: number | null;
  revenue: number;
  /** Revenue per customer of the cohort, cumulated to each month after the first order that had orders (`offsets`). */
  cumulative: number[];
  offsets: number[];
}

/**
 * Per month of first order: the spend recorded for it, the customers won, what they cost each
 * (CAC), what they have brought so far and what they are predicted to bring in the next year
 * (BG/NBD + Gamma-Gamma), both against the CAC, and the months until their revenue paid it back.
 */
export async function acquisitionReport(db: Db, programId: string, range: { from: string; to: string }, now: Date) {
  const rows = await reportQuery(db, sql<CohortRow>`
    with cohort as (
      select id, date_trunc('month', first_order_at at time zone 'UTC')::date as month from customers
      where program_id = ${programId} and first_order_at is not null
        and first_order_at >= ${`${range.from}-01`}::date and first_order_at < (${`${range.to}-01`}::date + interval '1 month')
    ), sizes as (select month, count(*)::int as n from cohort group by month),
    by_offset as (
      select c.month, ((extract(year from o.placed_at at time zone 'UTC') - extract(year from c.month)) * 12 + extract(month from o.placed_at at time zone 'UTC') - extract(month from c.month))::int as k,
        sum(o.total_minor - o.refunded_minor)::float8 as revenue
      from cohort c join orders o on o.customer_id = c.id and o.status <> 'cancelled'
      group by 1, 2
    )
    select to_char(s.month, 'YYYY-MM') as month, s.n as new_customers,
      (select sum(a.amount_minor)::float8 from acquisition_costs a where a.program_id = ${programId} and a.month = s.month) as spend,
      coalesce((select sum(b.revenue) from by_offset b where b.month = s.month), 0) as revenue,
      coalesce(x.cumulative, '{}') as cumulative, coalesce(x.offsets, '{}') as offsets
    from sizes s left join lateral (
      select array_agg(y.total / s.n order by y.k) as cumulative, array_agg(y.k order by y.k) as offsets
      from (select b.k, sum(sum(b.revenue)) over (order by b.k) as total from by_offset b where b.month = s.month group by b.k) y
    ) x on true
    order by s.month`);
  const predicted = await predictedByCohort(db, programId, now);
  return rows.map((r) => {
    const cac = r.spend !== null && r.new_customers > 0 ? r.spend / r.new_customers : null;
    const valueToDate = r.new_customers > 0 ? r.revenue / r.new_customers : 0;
    const future = predicted?.get(r.month);
    const paid = cac === null ? -1 : r.cumulative.findIndex((v) => v >= cac);
    return {
      month: r.month,
      new_customers: r.new_customers,
      spend: r.spend === null ? null : Math.round(r.spend),
      cac: cac === null ? null : Math.round(cac),
      value_to_date: Math.round(valueToDate),
      predicted_value: future === undefined ? null : Math.round(valueToDate + future),
      clv_to_cac: cac ? round2(valueToDate / cac) : null,
      predicted_clv_to_cac: cac && future !== undefined ? round2((valueToDate + future) / cac) : null,
      months_to_payback: paid < 0 ? null : r.offsets[paid]!,
    };
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The mean predicted value of the next 52 weeks per month of first order, or null without enough history to fit. */
async function predictedByCohort(db: Db, programId: string, now: Date): Promise<Map<string, number> | null> {
  const models = await clvModels.get(db, programId, now).catch(() => null);
  if (!models) return null;
  const firsts = await db.selectFrom('customers').select(['id', sql<string>`to_char(first_order_at at time zone 'UTC', 'YYYY-MM')`.as('month')]).where('program_id', '=', programId).where('first_order_at', 'is not', null).execute();
  const monthOf = new Map(firsts.map((c) => [c.id, c.month]));
  const sums = new Map<string, { total: number; n: number }>();
  for (const c of predictClv(models.summary, { horizonWeeks: 52, annualDiscountRate: 0.1 }, models.fitted).customers) {
    const month = monthOf.get(c.customer_id);
    if (!month) continue;
    const s = sums.get(month) ?? { total: 0, n: 0 };
    s.total += c.predicted_clv;
    s.n += 1;
    sums.set(month, s);
  }
  return new Map([...sums].map(([month, s]) => [month, s.total / s.n]));
}
