import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { Account } from './transfer.ts';

export interface Discrepancy {
  kind: 'unbalanced_transfer' | 'balance_mismatch' | 'hold_mismatch' | 'reservation_mismatch' | 'lot_mismatch';
  id: string;
  detail: string;
}

/**
 * Recomputes the ledger's projections from its entries: each transfer must balance, each
 * customer's available, pending, reserved and lifetime-earned points must equal the sums of their
 * entries, the points on hold must equal the pending balance, and the points of reserved
 * redemptions the reserved balance; each lot must hold what its takes leave, and a customer's open
 * lots exactly the available balance (or nothing while it is negative). Returns every difference.
 */
export async function verifyLedger(db: Db): Promise<{ customers: number; transfers: number; discrepancies: Discrepancy[] }> {
  const unbalanced = await sql<{ transfer_id: string; total: number; entries: number }>`
    select transfer_id, sum(amount)::bigint as total, count(*)::int as entries
    from ledger_entries group by transfer_id
    having sum(amount) <> 0 or count(*) < 2
    union all
    select t.id, 0, 0 from transfers t
    where not exists (select 1 from ledger_entries e where e.customer_id = t.customer_id and e.transfer_id = t.id)`.execute(db);

  const balances = await sql<{
    id: string;
    stored_available: number;
    available: number;
    stored_pending: number;
    pending: number;
    stored_reserved: number;
    reserved: number;
    stored_credit: number;
    store_credit: number;
    stored_credit_pending: number;
    store_credit_pending: number;
    held_credit: number;
    stored_earned: number;
    earned: number;
    held: number;
    redemptions: number;
  }>`
    with sums as (
      select e.customer_id,
        coalesce(sum(e.amount) filter (where e.account = ${Account.available}), 0) as available,
        coalesce(sum(e.amount) filter (where e.account = ${Account.pending}), 0) as pending,
        coalesce(sum(e.amount) filter (where e.account = ${Account.reserved}), 0) as reserved,
        coalesce(sum(e.amount) filter (where e.account = ${Account.storeCredit}), 0) as store_credit,
        coalesce(sum(e.amount) filter (where e.account = ${Account.storeCreditPending}), 0) as store_credit_pending,
        coalesce(sum(e.amount) filter (where e.account like 'customer:%' and (t.code like 'earn.%' or t.code like 'reverse.%')), 0) as earned
      from ledger_entries e join transfers t on t.id = e.transfer_id and t.customer_id = e.customer_id
      group by e.customer_id
    ), holds as (
      select customer_id,
        coalesce(sum(points_remaining) filter (where account = ${Account.pending}), 0) as held,
        coalesce(sum(points_remaining) filter (where account = ${Account.storeCreditPending}), 0) as held_credit
      from point_holds where released_transfer_id is null group by customer_id
    ), reservations as (
      select customer_id, sum(points) as points from redemptions
      where status = 'reserved' group by customer_id
    )
    select c.id,
      c.points_available as stored_available, coalesce(s.available, 0)::bigint as available,
      c.points_pending as stored_pending, coalesce(s.pending, 0)::bigint as pending,
      c.points_earned_lifetime as stored_earned, coalesce(s.earned, 0)::bigint as earned,
      c.points_reserved as stored_reserved, coalesce(s.reserved, 0)::bigint as reserved,
      c.store_credit_minor as stored_credit, coalesce(s.store_credit, 0)::bigint as store_credit,
      c.store_credit_pending_minor as stored_credit_pending, coalesce(s.store_credit_pending, 0)::bigint as store_credit_pending,
      coalesce(h.held_credit, 0)::bigint as held_credit,
      coalesce(h.held, 0)::bigint as held,
      coalesce(r.points, 0)::bigint as redemptions
    from customers c
    left join sums s on s.customer_id = c.id
    left join holds h on h.customer_id = c.id
    left join reservations r on r.customer_id = c.id
    where c.points_available <> coalesce(s.available, 0)
       or c.points_pending <> coalesce(s.pending, 0)
       or c.points_earned_lifetime <> coalesce(s.earned, 0)
       or c.points_pending <> coalesce(h.held, 0)
       or c.points_reserved <> coalesce(s.reserved, 0)
       or c.store_credit_minor <> coalesce(s.store_credit, 0)
       or c.store_credit_pending_minor <> coalesce(s.store_credit_pending, 0)
       or c.store_credit_pending_minor <> coalesce(h.held_credit, 0)
       or c.points_reserved <> coalesce(r.points, 0)`.execute(db);

  const lots = await sql<{ id: string; detail: string }>`
    select l.transfer_id as id, 'lot holds ' || l.points_remaining || ', its takes leave ' || (l.points - coalesce(sum(k.points), 0)) as detail
    from point_lots l left join lot_takes k on k.customer_id = l.customer_id and k.lot_transfer_id = l.transfer_id
    group by l.transfer_id, l.points, l.points_remaining
    having l.points_remaining <> l.points - coalesce(sum(k.points), 0)
    union all
    select c.id, 'open lots hold ' || coalesce(sum(l.points_remaining), 0) || ', available is ' || c.points_available
    from customers c left join point_lots l on l.customer_id = c.id and l.points_remaining > 0
    group by c.id, c.points_available
    having coalesce(sum(l.points_remaining), 0) <> greatest(c.points_available, 0)`.execute(db);

  const counts = await sql<{ customers: number; transfers: number }>`
    select (select count(*) from customers)::int as customers, (select count(*) from transfers)::int as transfers`.execute(db);

  const discrepancies: Discrepancy[] = [
    ...unbalanced.rows.map((r) => ({
      kind: 'unbalanced_transfer' as const,
      id: r.transfer_id,
      detail: r.entries === 0 ? 'transfer has no entries' : `entries sum to ${r.total} over ${r.entries} entries`,
    })),
    ...balances.rows.flatMap((r) => {
      const found: Discrepancy[] = [];
      const check = (name: string, stored: number, actual: number) => {
        if (Number(stored) !== Number(actual)) found.push({ kind: 'balance_mismatch', id: r.id, detail: `${name}: stored ${stored}, ledger ${actual}` });
      };
      check('points_available', r.stored_available, r.available);
      check('points_pending', r.stored_pending, r.pending);
      check('points_reserved', r.stored_reserved, r.reserved);
      check('store_credit', r.stored_credit, r.store_credit);
      check('store_credit_pending', r.stored_credit_pending, r.store_credit_pending);
      if (Number(r.stored_credit_pending) !== Number(r.held_credit)) found.push({ kind: 'hold_mismatch', id: r.id, detail: `pending store credit ${r.stored_credit_pending}, on hold ${r.held_credit}` });
      check('points_earned_lifetime', r.stored_earned, r.earned);
      if (Number(r.stored_pending) !== Number(r.held)) found.push({ kind: 'hold_mismatch', id: r.id, detail: `pending ${r.stored_pending}, on hold ${r.held}` });
      if (Number(r.stored_reserved) !== Number(r.redemptions)) {
        found.push({ kind: 'reservation_mismatch', id: r.id, detail: `reserved ${r.stored_reserved}, in reserved redemptions ${r.redemptions}` });
      }
      return found;
    }),
  ];
  discrepancies.push(...lots.rows.map((r) => ({ kind: 'lot_mismatch' as const, id: r.id, detail: r.detail })));
  return { ...counts.rows[0]!, discrepancies };
}
