import type { Db } from '../platform/db/database.ts';
import { windowEnds } from './challenge.ts';
import { activeChallenges, progressOf } from './challenge-store.ts';

/** Where a customer stands on each active challenge, for the customer object. */
export async function describeChallenges(db: Db, programId: string, customerId: string) {
  const out = [];
  for (const ch of await activeChallenges(db, programId)) {
    const p = await progressOf(db, customerId, ch.id);
    const ends = windowEnds(ch, p);
    out.push({ challenge_id: ch.id, name: ch.name, goal: ch.goal, target: ch.target, count: p.count, completions: p.completions, done: !ch.repeatable && p.completions > 0, window_ends: ends?.toISOString() ?? null });
  }
  return out;
}
