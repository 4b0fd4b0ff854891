import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

const DAY_MS = 86_400_000;
/** Repurchases of a product needed before its median gap is trusted as its lifespan. */
export const MIN_REPURCHASES = 5;
const LEARNED_TTL_MS = 6 * 3_600_000;

export interface ProductLifespan {
  product_id: string;
  /** What the merchant set, if anything. */
  lifespan_days: number | null;
  /** The median days between a customer's purchases of it (two years of orders), once there are enough. */
  learned_lifespan_days: number | null;
  repurchases: number;
}

/** The median gap between a customer's consecutive purchases of each product, over two years of orders. */
async function learn(db: Db, programId: string, now: Date): Promise<Map<string, { days: number; repurchases: number }>> {
  const { rows } = await sql<{ product_id: string; days: number; repurchases: number }>`
    with buys as (
      select o.customer_id, li.product_id, o.placed_at
      from orders o cross join lateral jsonb_to_recordset(o.line_items) as li(product_id text)
      where o.program_id = ${programId} and o.status = 'placed' and o.placed_at > ${new Date(now.getTime() - 730 * DAY_MS)} and o.placed_at <= ${now}
    ), gaps as (
      select product_id, extract(epoch from placed_at - lag(placed_at) over (partition by customer_id, product_id order by placed_at)) / 86400 as days
      from buys
    )
    select product_id, round(percentile_cont(0.5) within group (order by days))::int as days, count(*)::int as repurchases
    from gaps where days >= 1
    group by product_id having count(*) >= ${MIN_REPURCHASES}`.execute(db);
  return new Map(rows.map((r) => [r.product_id, { days: r.days, repurchases: r.repurchases }]));
}

// Learning reads every order line of two years: kept a few hours per program on each instance.
const learned = new Map<string, { at: number; value: Promise<Map<string, { days: number; repurchases: number }>> }>();
function learnedOf(db: Db, programId: string, now: Date) {
  const hit = learned.get(programId);
  if (hit && Math.abs(now.getTime() - hit.at) < LEARNED_TTL_MS) return hit.value;
  const value = learn(db, programId, now);
  learned.set(programId, { at: now.getTime(), value });
  value.catch(() => learned.delete(programId));
  return value;
}

/** Each product's lifespan in days: the merchant's, else the learned one; products with neither are left out. */
export async function productLifespans(db: Db, programId: string, now: Date): Promise<Map<string, number>> {
  const [set, guessed] = await Promise.all([db.selectFrom('product_settings').select(['product_id', 'lifespan_days']).where('program_id', '=', programId).execute(), learnedOf(db, programId, now)]);
  const out = new Map([...guessed].map(([id, g]) => [id, g.days]));
  for (const s of set) if (s.lifespan_days !== null) out.set(s.product_id, s.lifespan_days);
  return out;
}

export async function productLifespan(db: Db, programId: string, productId: string, now: Date): Promise<ProductLifespan> {
  const [row, guessed] = await Promise.all([db.selectFrom('product_settings').select('lifespan_days').where('program_id', '=', programId).where('product_id', '=', productId).executeTakeFirst(), learnedOf(db, programId, now)]);
  const g = guessed.get(productId);
  return { product_id: productId, lifespan_days: row?.lifespan_days ?? null, learned_lifespan_days: g?.days ?? null, repurchases: g?.repurchases ?? 0 };
}

/** The merchant's lifespan of a product; null goes back to the learned one. */
export async function setProductLifespan(db: Db, programId: string, productId: string, lifespanDays: number | null, at: Date): Promise<void> {
  if (lifespanDays === null) {
    await db.deleteFrom('product_settings').where('program_id', '=', programId).where('product_id', '=', productId).execute();
    return;
  }
  await db
    .insertInto('product_settings')
    .values({ program_id: programId, product_id: productId, lifespan_days: lifespanDays, updated_at: at })
    .onConflict((oc) => oc.columns(['program_id', 'product_id']).doUpdateSet({ lifespan_days: lifespanDays, updated_at: at }))
    .execute();
}
