import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { RewardsTable } from '../platform/db/schema.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Reward, RewardDefinition, RewardType } from './reward.ts';
import { prepared } from '../platform/db/prepared-statements.ts';

type RewardRow = Selectable<RewardsTable>;

export interface StoredReward extends Reward {
  created_at: Date;
  updated_at: Date;
}

function toReward(row: RewardRow): StoredReward {
  return {
    ...(row.definition as RewardDefinition),
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    issued_count: row.issued_count,
    created_at: new Date(row.created_at),
    updated_at: new Date(row.updated_at),
  };
}

export async function createReward(db: Db, programId: string, input: { name: string; type: RewardType; definition: RewardDefinition }, at: Date) {
  const row = await db
    .insertInto('rewards')
    .values({ id: newId('rwd', at.getTime()), program_id: programId, name: input.name, type: input.type, definition: JSON.stringify(input.definition), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReward(row);
}

export async function getReward(db: Db | Tx, programId: string, id: string): Promise<StoredReward> {
  const row = await db.selectFrom('rewards').selectAll().where('program_id', '=', programId).where('id', '=', id).modifyEnd(prepared).executeTakeFirst();
  if (!row) throw notFound('reward', id);
  return toReward(row);
}

export async function listRewards(db: Db, programId: string, filter: { status?: 'active' | 'archived'; limit: number; starting_after?: string }) {
  let query = db.selectFrom('rewards').selectAll().where('program_id', '=', programId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.starting_after) query = query.where('id', '>', filter.starting_after);
  return (await query.orderBy('id').limit(filter.limit + 1).execute()).map(toReward);
}

export async function saveReward(db: Db, programId: string, reward: StoredReward, at: Date): Promise<StoredReward> {
  const { id, name, type, status, issued_count: _i, created_at: _c, updated_at: _u, ...definition } = reward;
  const row = await db
    .updateTable('rewards')
    .set({ name, type, status, definition: JSON.stringify(definition), updated_at: at })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReward(row);
}

/**
 * Takes one unit of a reward's stock, or refuses when none is left. Only rewards with a stock
 * are counted, so a popular reward without one is not a row every redemption waits on.
 */
export async function takeStock(tx: Tx, reward: Reward): Promise<void> {
  if (reward.stock === undefined) return;
  const taken = await tx
    .updateTable('rewards')
    .set({ issued_count: sql`issued_count + 1` })
    .where('id', '=', reward.id)
    .where('issued_count', '<', reward.stock)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) throw conflict('reward_out_of_stock', 'This reward is out of stock.');
}

/** Gives back the stock of a voided code. */
export async function returnStock(tx: Tx, rewardId: string): Promise<void> {
  await tx
    .updateTable('rewards')
    .set({ issued_count: sql`greatest(issued_count - 1, 0)` })
    .where('id', '=', rewardId)
    .where(sql<boolean>`definition ? 'stock'`)
    .execute();
}
