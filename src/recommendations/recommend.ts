import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { invalidRequest } from '../platform/errors.ts';

export interface Recommendation {
  product_id: string;
  title: string | null;
  url: string | null;
  /**
   * For `bought_together`, the highest lift between this product and one the customer bought
   * (above 1: bought together more often than chance); for `best_seller`, the share of the last
   * 90 days' customers who bought it.
   */
  score: number;
  source: 'bought_together' | 'best_seller';
}

export const MAX_RECOMMENDATIONS = 20;

/**
 * Up to `limit` products to recommend to a customer, none of which the customer has bought
 * (in an order placed up to `now` and not cancelled): first the strongest partners of the
 * customer's products, then the program's best sellers for the rest. Reads what the last
 * refresh stored (refreshProductPairs), in one query over indexes: the customer's orders, the
 * pairs of their products, the best sellers in rank order.
 */
export async function recommendFor(db: Db, programId: string, customerId: string, limit: number, now: Date): Promise<Recommendation[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RECOMMENDATIONS) {
    throw invalidRequest('invalid_limit', `limit must be an integer from 1 to ${MAX_RECOMMENDATIONS}`, 'limit');
  }
  const { rows } = await sql<Recommendation & { place: number }>`
    with bought as (
      select distinct l.product_id
      from orders o cross join lateral jsonb_to_recordset(o.line_items) as l(product_id text)
      where o.program_id = ${programId} and o.customer_id = ${customerId} and o.status <> 'cancelled' and o.placed_at <= ${now}
        and l.product_id is not null
    ),
    together as (
      select p.other_product_id as product_id, max(p.title) as title, max(p.url) as url, max(p.lift) as score,
        row_number() over (order by max(p.lift) desc, sum(p.support) desc, p.other_product_id) as place
      from product_pairs p
      where p.program_id = ${programId} and p.product_id in (select product_id from bought)
        and not exists (select 1 from bought b where b.product_id = p.other_product_id)
      group by p.other_product_id
      order by place
      limit ${limit}
    ),
    sellers as (
      select s.product_id, s.title, s.url, s.share as score, ${limit} + row_number() over (order by s.rank) as place
      from product_best_sellers s
      where s.program_id = ${programId}
        and not exists (select 1 from bought b where b.product_id = s.product_id)
        and not exists (select 1 from together t where t.product_id = s.product_id)
      order by s.rank
      limit ${limit}
    )
    select product_id, title, url, score, 'bought_together' as source, place from together
    union all
    select product_id, title, url, score, 'best_seller' as source, place from sellers
    order by place
    limit ${limit}`.execute(db);
  return rows.map(({ place: _place, ...r }) => r);
}
