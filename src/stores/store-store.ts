import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Flow } from './settlement.ts';

export async function createStore(db: Db, programId: string, input: { name: string; currency: string }, at: Date) {
  return db.insertInto('stores').values({ id: newId('sto', at.getTime()), program_id: programId, name: input.name, currency: input.currency, created_at: at }).returningAll().executeTakeFirstOrThrow();
}

export async function listStores(db: Db, programId: string) {
  return db.selectFrom('stores').selectAll().where('program_id', '=', programId).orderBy('id').execute();
}

export async function getStore(db: Db, programId: string, id: string) {
  const row = await db.selectFrom('stores').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('store', id);
  return row;
}

/** Points redeemed at each store in [from, to), by the store that issued them (through the lots the reservations took). */
export async function redemptionFlows(db: Db, programId: string, defaultStoreId: string, from: Date, to: Date): Promise<Flow[]> {
  const { rows } = await sql<{ issuer: string; redeemer: string; points: number }>`
    select coalesce(l.store_id, ${defaultStoreId}) as issuer, coalesce(r.store_id, ${defaultStoreId}) as redeemer, sum(k.points)::bigint as points
    from redemptions r
    join transfers t on t.customer_id = r.customer_id and t.idempotency_key = 'redemption:' || r.id || ':reserve'
    join lot_takes k on k.customer_id = t.customer_id and k.transfer_id = t.id
    join point_lots l on l.customer_id = k.customer_id and l.transfer_id = k.lot_transfer_id
    where r.program_id = ${programId} and r.status = 'used' and r.used_at >= ${from} and r.used_at < ${to}
    group by 1, 2`.execute(db);
  return rows.map((r) => ({ ...r, points: Number(r.points) }));
}

/** Points each store issued in [from, to): its orders' awards; other awards count for the default store. */
export async function pointsIssued(db: Db, programId: string, defaultStoreId: string, from: Date, to: Date): Promise<Map<string, number>> {
  const { rows } = await sql<{ store_id: string; points: number }>`
    select coalesce(o.store_id, ${defaultStoreId}) as store_id, sum(e.amount)::bigint as points
    from transfers t
    join ledger_entries e on e.transfer_id = t.id and e.customer_id = t.customer_id and e.account like 'customer:%'
    left join orders o on t.reference_type = 'order' and o.id = t.reference_id
    where t.program_id = ${programId} and t.code like 'earn.%' and t.occurred_at >= ${from} and t.occurred_at < ${to}
    group by 1`.execute(db);
  return new Map(rows.map((r) => [r.store_id, Number(r.points)]));
}
