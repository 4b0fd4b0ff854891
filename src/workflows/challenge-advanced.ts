import type { Tx } from '../platform/db/database.ts';
import { postTransfers } from '../ledger/ledger-store.ts';
import { Account, move } from '../ledger/transfer.ts';
import { advance, type Step } from '../challenges/challenge.ts';
import { activeChallenges, progressOf, saveProgress } from '../challenges/challenge-store.ts';
import { emitEvent } from '../program-events/program-event-store.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { issueFreeReward } from './reward-redeemed.ts';

/**
 * An order or an event moves the customer along the program's challenges (each source counts
 * once per challenge); a completed one gives its reward and points. In the caller's transaction;
 * the customer is locked.
 */
export async function advanceChallenges(tx: Tx, program: ProgramContext, customerId: string, source: string, step: Step, now: Date): Promise<void> {
  for (const challenge of await activeChallenges(tx, program.id)) {
    const progress = await progressOf(tx, customerId, challenge.id, { lock: true });
    const next = advance(challenge, progress, step, now);
    if (!next) continue;
    const counted = await tx.insertInto('challenge_steps').values({ customer_id: customerId, challenge_id: challenge.id, source, created_at: now }).onConflict((oc) => oc.doNothing()).returning('source').executeTakeFirst();
    if (!counted) continue;
    await saveProgress(tx, customerId, challenge.id, next.progress, now);
    if (!next.completed) continue;
    const completion = next.progress.completions;
    const redemption = challenge.reward_id ? await issueFreeReward(tx, program, customerId, challenge.reward_id, now) : undefined;
    if (challenge.points > 0) {
      await postTransfers(tx, program.id, customerId, [
        {
          code: 'earn.action',
          idempotency_key: `challenge:${challenge.id}:${completion}`,
          reference: { type: 'challenge', id: challenge.id },
          explanation: { summary: `${challenge.points} points for completing the challenge "${challenge.name}"`, inputs: { challenge_id: challenge.id, completion } },
          occurred_at: now,
          entries: move(challenge.points, Account.issued, Account.available),
          opensLot: { earned_at: now },
        },
      ], now);
    }
    await emitEvent(tx, { programId: program.id, customerId, type: 'challenge.completed', dedupeKey: `challenge.completed:${challenge.id}:${completion}`, data: { challenge_id: challenge.id, challenge_name: challenge.name, completion, redemption_id: redemption?.id ?? null, points: challenge.points } }, now);
  }
}
