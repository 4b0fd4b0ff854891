import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

/**
 * Customers whose order statistics (orders, spend, first and last order) are not those of their
 * orders: the ones not cancelled, spend net of refunds. Every order, refund, cancellation and
 * import moves them; this recomputes them from the orders, for `regulars verify`.
 */
export async function verifyOrderStats(db: Db): Promise<{ id: string; detail: string }[]> {
  const { rows } = await sql<{ id: string; stored: string; counted: string }>`
    with counted as (
      select customer_id, count(*) as n, sum(total_minor - refunded_minor) as spent, min(placed_at) as first, max(placed_at) as last
      from orders where status <> 'cancelled' group by customer_id
    )
    select c.id,
      concat_ws(', ', c.orders_count || ' orders', c.total_spent_minor || ' spent', 'first ' || c.first_order_at, 'last ' || c.last_order_at) as stored,
      concat_ws(', ', coalesce(o.n, 0) || ' orders', coalesce(o.spent, 0) || ' spent', 'first ' || o.first, 'last ' || o.last) as counted
    from customers c left join counted o on o.customer_id = c.id
    where (c.orders_count, c.total_spent_minor, c.first_order_at, c.last_order_at)
      is distinct from (coalesce(o.n, 0), coalesce(o.spent, 0), o.first, o.last)
    order by c.id`.execute(db);
  return rows.map((r) => ({ id: r.id, detail: `stored ${r.stored}; the orders say ${r.counted}` }));
}
