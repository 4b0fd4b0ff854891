import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { Account } from '../ledger/transfer.ts';
import { mulDivFloor } from '../platform/money.ts';

/**
 * What the program costs and owes, from the ledger: points issued, redeemed, expired and
 * outstanding; the outstanding liability at the program's cost per point; breakage (issued points
 * that expired); redemption rate (issued points that were spent); and what the rewards used
 * were worth, and which rewards were used most. Points are counted over the range; outstanding
 * is at its end.
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
  const rewards = await sql<{ reward_id: string; name: string; used: number; value: number }>`
    select r.reward_id, w.name, count(*)::int as used, coalesce(sum((r.discount->>'amount')::bigint), 0)::bigint as value
    from redemptions r join rewards w on w.id = r.reward_id
    where r.program_id = ${programId} and r.status = 'used' and r.used_at >= ${range.from} and r.used_at < ${range.to}
    group by r.reward_id, w.name
    order by used desc, r.reward_id`.execute(db);
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
    rewards_used: rewards.rows.reduce((n, r) => n + r.used, 0),
    reward_value: rewards.rows.reduce((n, r) => n + Number(r.value), 0),
    top_rewards: rewards.rows.slice(0, 5).map((r) => ({ reward_id: r.reward_id, name: r.name, used: r.used, value: Number(r.value) })),
  };
}
