import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { Account } from '../ledger/transfer.ts';
import { mulDivFloor } from '../platform/money.ts';

/**
 * What the program costs and owes, from the ledger: points issued, redeemed, expired and
 * outstanding; the outstanding liability at the program's cost per point; breakage (issued points
 * that expired); redemption rate (issued points that were spent); and what the rewards used
 * were worth. Points are counted over the range; outstanding is at its end.
 */
export async function programEconomics(db: Db, programId: string, range: { from: Date; to: Date }, costPer1000: number) {
  const { rows } = await sql<{ issued: number; reversed: number; redeemed: number; expired: number }>`
    select
      coalesce(sum(e.amount) filter (where t.code like 'earn.%' and e.account like 'customer:%'), 0)::bigint as issued,
      coalesce(-sum(e.amount) filter (where t.code like 'reverse.%' and e.account like 'customer:%'), 0)::bigint as reversed,
      coalesce(sum(e.amount) filter (where e.account = ${Account.redeemed}), 0)::bigint as redeemed,
      coalesce(sum(e.amount) filter (where e.account = ${Account.expired}), 0)::bigint as expired
    from transfers t join ledger_entries e on e.transfer_id = t.id and e.customer_id = t.customer_id
    where t.program_id = ${programId} and t.occurred_at >= ${range.from} and t.occurred_at < ${range.to}`.execute(db);
  const outstanding = await sql<{ points: number }>`
    select coalesce(sum(e.amount), 0)::bigint as points
    from ledger_entries e join transfers t on t.id = e.transfer_id and t.customer_id = e.customer_id
    where e.program_id = ${programId} and e.account in (${Account.available}, ${Account.pending}, ${Account.reserved}) and t.created_at < ${range.to}`.execute(db);
  const rewards = await sql<{ used: number; value: number }>`
    select count(*)::int as used, coalesce(sum((discount->>'amount')::bigint), 0)::bigint as value
    from redemptions where program_id = ${programId} and status = 'used' and used_at >= ${range.from} and used_at < ${range.to}`.execute(db);
  const r = rows[0]!;
  const issued = Number(r.issued) + Number(r.reversed);
  const net = Number(r.issued);
  const points = Math.max(0, Number(outstanding.rows[0]!.points));
  return {
    points_issued: issued,
    points_reversed: Number(r.reversed),
    points_redeemed: Number(r.redeemed),
    points_expired: Number(r.expired),
    points_outstanding: points,
    liability: mulDivFloor(points, costPer1000, 1000),
    cost_per_1000_points: costPer1000,
    redemption_rate: net > 0 ? Number(r.redeemed) / net : 0,
    breakage_rate: net > 0 ? Number(r.expired) / net : 0,
    rewards_used: rewards.rows[0]!.used,
    reward_value: Number(rewards.rows[0]!.value),
  };
}
