import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';

const DAY_MS = 86_400_000;

/** What the pairs are computed over, and how much of them is kept. */
export interface PairSettings {
  /** Orders of this many days up to now count. */
  windowDays: number;
  /** The strongest partners kept for each product. */
  partners: number;
  /**
   * The fewest customers who must have bought both products of a pair, and the share of the
   * period's customers that floor grows to in a large store: without it, two products a
   * handful of shoppers happened to buy together would have the highest lift of all.
   */
  minSupport: number;
  minSupportShare: number;
  /**
   * A customer's products that count, most recently bought first. Pairs grow with the square
   * of a customer's products, and a reseller who bought half the catalog says little about
   * which products go together.
   */
  productsPerCustomer: number;
  /** Best sellers are the products bought by the most customers in this many days. */
  bestSellerDays: number;
  /** Best sellers kept, enough to fill a list after what the customer already bought. */
  bestSellers: number;
}

export const DEFAULT_PAIR_SETTINGS: PairSettings = { windowDays: 365, partners: 20, minSupport: 3, minSupportShare: 0.001, productsPerCustomer: 100, bestSellerDays: 90, bestSellers: 50 };

/** Programs whose recommendations are older than this are due for the sweep. */
const REFRESH_EVERY_MS = DAY_MS;

export interface PairRefresh {
  /** Customers whose orders in the window were counted. */
  customers: number;
  pairs: number;
  best_sellers: number;
}

/**
 * Recomputes a program's product pairs and best sellers from its orders (cancelled ones
 * excluded), replacing the previous ones in one transaction. Set-based: one statement for the
 * pairs, one for the best sellers. Refreshes of the same program take turns.
 */
export async function refreshProductPairs(db: Db, programId: string, now: Date, settings: Partial<PairSettings> = {}): Promise<PairRefresh> {
  const s = { ...DEFAULT_PAIR_SETTINGS, ...settings };
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`product_pairs:${programId}`}, 0))`.execute(tx);
    await tx.deleteFrom('product_pairs').where('program_id', '=', programId).execute();
    await tx.deleteFrom('product_best_sellers').where('program_id', '=', programId).execute();
    const { customers, pairs } = await insertPairs(tx, programId, now, s);
    const bestSellers = await insertBestSellers(tx, programId, now, s);
    await tx
      .insertInto('product_pair_refreshes')
      .values({ program_id: programId, refreshed_at: now, customers, pairs })
      .onConflict((oc) => oc.column('program_id').doUpdateSet({ refreshed_at: now, customers, pairs }))
      .execute();
    return { customers, pairs, best_sellers: bestSellers };
  });
}

/**
 * Each pair (a, b) of products bought by the same customers in the window, with lift =
 * P(a and b) / (P(a) P(b)) = support × customers / (buyers of a × buyers of b). A customer's
 * orders are one basket: "shoppers who bought a also bought b", at any time in the window. Only
 * pairs above chance (lift > 1) with enough support are kept, the strongest `partners` per
 * product; ties go to the larger support, then the product id, so a refresh is deterministic.
 */
async function insertPairs(tx: Tx, programId: string, now: Date, s: PairSettings): Promise<{ customers: number; pairs: number }> {
  const from = new Date(now.getTime() - s.windowDays * DAY_MS);
  const { rows } = await sql<{ customers: number; pairs: number }>`
    with lines as (
      select o.customer_id, o.placed_at, l.product_id, l.title, l.url
      from orders o cross join lateral jsonb_to_recordset(o.line_items) as l(product_id text, title text, url text)
      where o.program_id = ${programId} and o.status <> 'cancelled' and o.placed_at > ${from} and o.placed_at <= ${now}
        and l.product_id is not null and l.product_id <> ''
    ),
    latest as (
      select customer_id, product_id, row_number() over (partition by customer_id order by max(placed_at) desc, product_id) as recency
      from lines group by customer_id, product_id
    ),
    bought as (select customer_id, product_id from latest where recency <= ${s.productsPerCustomer}),
    shoppers as (
      select count(distinct customer_id)::float8 as n, greatest(${s.minSupport}::int, ceil(count(distinct customer_id) * ${s.minSupportShare}::float8)::int) as min_support
      from bought
    ),
    buyers as (select product_id, count(*)::float8 as n from bought group by product_id),
    pairs as (
      select a.product_id, b.product_id as other_product_id, count(*)::int as support
      from bought a join bought b on b.customer_id = a.customer_id and b.product_id <> a.product_id
      group by a.product_id, b.product_id
      having count(*) >= (select min_support from shoppers)
    ),
    ranked as (
      select p.product_id, p.other_product_id, p.support, l.lift,
        row_number() over (partition by p.product_id order by l.lift desc, p.support desc, p.other_product_id) as place
      from pairs p
        join buyers a on a.product_id = p.product_id
        join buyers b on b.product_id = p.other_product_id
        cross join shoppers s
        cross join lateral (select p.support * s.n / (a.n * b.n) as lift) l
      where l.lift > 1
    ),
    names as (
      select distinct on (product_id) product_id, title, url from lines order by product_id, placed_at desc, title, url
    ),
    inserted as (
      insert into product_pairs (program_id, product_id, other_product_id, lift, support, title, url, refreshed_at)
      select ${programId}, r.product_id, r.other_product_id, r.lift, r.support, n.title, n.url, ${now}
      from ranked r join names n on n.product_id = r.other_product_id
      where r.place <= ${s.partners}
      returning 1
    )
    select (select n from shoppers)::int as customers, (select count(*) from inserted)::int as pairs`.execute(tx);
  return rows[0]!;
}

/** The products bought by the most customers in the last `bestSellerDays`, then by units, then by id. */
async function insertBestSellers(tx: Tx, programId: string, now: Date, s: PairSettings): Promise<number> {
  const from = new Date(now.getTime() - s.bestSellerDays * DAY_MS);
  const result = await sql`
    with lines as (
      select o.customer_id, o.placed_at, l.product_id, l.title, l.url, coalesce(l.quantity, 1) as quantity
      from orders o cross join lateral jsonb_to_recordset(o.line_items) as l(product_id text, title text, url text, quantity numeric)
      where o.program_id = ${programId} and o.status <> 'cancelled' and o.placed_at > ${from} and o.placed_at <= ${now}
        and l.product_id is not null and l.product_id <> ''
    ),
    shoppers as (select count(distinct customer_id)::float8 as n from lines),
    sold as (
      select product_id, count(distinct customer_id)::int as customers, sum(quantity)::bigint as units,
        (array_agg(title order by placed_at desc, title))[1] as title, (array_agg(url order by placed_at desc, url))[1] as url
      from lines group by product_id
    ),
    ranked as (select *, row_number() over (order by customers desc, units desc, product_id) as rank from sold)
    insert into product_best_sellers (program_id, rank, product_id, customers, units, share, title, url, refreshed_at)
    select ${programId}, r.rank, r.product_id, r.customers, r.units, r.customers / s.n, r.title, r.url, ${now}
    from ranked r cross join shoppers s
    where r.rank <= ${s.bestSellers}`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The sweep: refreshes every program whose recommendations are older than a day, or that has
 * none yet. Returns how many programs it refreshed. Idempotent: a second run finds none due.
 */
export async function refreshDueProgramPairs(db: Db, now: Date): Promise<number> {
  const due = await db
    .selectFrom('programs as p')
    .leftJoin('product_pair_refreshes as r', 'r.program_id', 'p.id')
    .select('p.id')
    .where((eb) => eb.or([eb('r.refreshed_at', 'is', null), eb('r.refreshed_at', '<=', new Date(now.getTime() - REFRESH_EVERY_MS))]))
    .orderBy('p.id')
    .execute();
  for (const program of due) await refreshProductPairs(db, program.id, now);
  return due.length;
}
