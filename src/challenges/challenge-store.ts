import type { Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { ChallengeProgressTable, ChallengesTable } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { programCache } from '../platform/program-cache.ts';
import { startingProgress, type Challenge, type ChallengeProgress } from './challenge.ts';
import { isEmptyChange } from '../platform/changes.ts';

const date = (d: Date | string | null) => (d === null ? null : new Date(d));

export interface StoredChallenge extends Challenge {
  created_at: Date;
  updated_at: Date;
}

const toChallenge = (r: Selectable<ChallengesTable>): StoredChallenge => ({
  id: r.id,
  name: r.name,
  goal: r.goal,
  target: r.target,
  event_type: r.event_type,
  window_days: r.window_days,
  reward_id: r.reward_id,
  points: r.points,
  repeatable: r.repeatable,
  starts_at: date(r.starts_at),
  ends_at: date(r.ends_at),
  active: r.active,
  created_at: new Date(r.created_at),
  updated_at: new Date(r.updated_at),
});

export const toProgress = (r: Selectable<ChallengeProgressTable> | undefined): ChallengeProgress =>
  r ? { attempt: r.attempt, started_at: date(r.started_at), count: r.count, seen: r.seen, completions: r.completions, completed_at: date(r.completed_at) } : startingProgress();

const active = programCache(2_000, async (db, programId) =>
  (await db.selectFrom('challenges').selectAll().where('program_id', '=', programId).where('active', '=', true).orderBy('id').execute()).map(toChallenge),
);

export const activeChallenges = (db: Db | Tx, programId: string): Promise<Challenge[]> => active.get(db, programId);

export type ChallengeInput = Omit<Challenge, 'id' | 'active'> & { active?: boolean };

export async function createChallenge(db: Db, programId: string, input: ChallengeInput, at: Date) {
  const row = await db.insertInto('challenges').values({ ...input, id: newId('chl', at.getTime()), program_id: programId, created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
  active.forget(programId);
  return toChallenge(row);
}

export async function updateChallenge(db: Db, programId: string, id: string, changes: Partial<ChallengeInput>, at: Date) {
  if (isEmptyChange(changes)) return getChallenge(db, programId, id);
  const row = await db.updateTable('challenges').set({ ...changes, updated_at: at }).where('program_id', '=', programId).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw notFound('challenge', id);
  active.forget(programId);
  return toChallenge(row);
}

export async function getChallenge(db: Db, programId: string, id: string) {
  const row = await db.selectFrom('challenges').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('challenge', id);
  return toChallenge(row);
}

export async function listChallenges(db: Db, programId: string) {
  return (await db.selectFrom('challenges').selectAll().where('program_id', '=', programId).orderBy('id').execute()).map(toChallenge);
}

export async function progressOf(db: Db | Tx, customerId: string, challengeId: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('challenge_progress').selectAll().where('customer_id', '=', customerId).where('challenge_id', '=', challengeId);
  if (options.lock) query = query.forUpdate();
  return toProgress(await query.executeTakeFirst());
}

export async function saveProgress(tx: Tx, customerId: string, challengeId: string, p: ChallengeProgress, at: Date) {
  const values = { attempt: p.attempt, started_at: p.started_at, count: p.count, seen: p.seen, completions: p.completions, completed_at: p.completed_at, updated_at: at };
  await tx
    .insertInto('challenge_progress')
    .values({ customer_id: customerId, challenge_id: challengeId, ...values })
    .onConflict((oc) => oc.columns(['customer_id', 'challenge_id']).doUpdateSet(values))
    .execute();
}
