import { finishIfDone, dueGifts, nextRecipients, recordGiven, startGift, type GiftRow } from '../gifts/gift-store.ts';
import { postGroup, type Posting } from '../ledger/ledger-store.ts';
import { Account, move } from '../ledger/transfer.ts';
import type { Tx } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { appendEvents } from '../platform/outbox.ts';
import { loadProgramContext, type ProgramContext } from '../programs/program-store.ts';
import { issueFreeReward } from './reward-redeemed.ts';

const BATCH = 200;

type Outcome = { customerId: string; outcome: 'given' | 'skipped'; detail?: string; redemptionId?: string };

/**
 * Gives every due gift to its recipients, a batch per transaction: the points (one transfer per
 * customer, keyed by the gift, so a batch redone after a crash gives nothing twice) or a free
 * redemption of the reward, a `gift.received` event each, and the gift's progress. Returns how
 * many were given. Instances share a gift: each takes the recipients no one else holds.
 */
export async function giveDueGifts(deps: Deps): Promise<number> {
  let given = 0;
  for (const gift of await dueGifts(deps.db, deps.clock.now())) {
    await startGift(deps.db, gift, deps.clock.now());
    const program = await loadProgramContext(deps.db, gift.program_id);
    for (;;) {
      const now = deps.clock.now();
      const outcomes = await deps.db.transaction().execute(async (tx) => {
        const recipients = await nextRecipients(tx, gift.id, BATCH);
        const outcomes = await give(tx, program, gift, recipients.map((r) => r.customer_id), now);
        await recordGiven(tx, gift.id, outcomes, now);
        return outcomes;
      });
      if (outcomes.length === 0) break;
      given += outcomes.filter((o) => o.outcome === 'given').length;
    }
    await finishIfDone(deps.db, gift.id, deps.clock.now());
  }
  return given;
}

async function give(tx: Tx, program: ProgramContext, gift: GiftRow, customerIds: string[], now: Date): Promise<Outcome[]> {
  if (customerIds.length === 0) return [];
  // Locked in id order, as every group write locks them, so gifts and orders cannot deadlock.
  const customers = await tx.selectFrom('customers').select(['id', 'redacted_at']).where('id', 'in', customerIds).orderBy('id').forUpdate().execute();
  const outcomes: Outcome[] = customers.filter((c) => c.redacted_at).map((c) => ({ customerId: c.id, outcome: 'skipped', detail: 'erased at the customer’s request' }));
  const receiving = customers.filter((c) => !c.redacted_at).map((c) => c.id);
  if (gift.points !== null) {
    const postings: Posting[] = receiving.map((customerId) => ({
      programId: program.id,
      customerId,
      drafts: [{ code: 'earn.gift', idempotency_key: `gift:${gift.id}`, reference: { type: 'gift', id: gift.id }, explanation: { summary: `${gift.points} points, a gift: ${gift.reason}`, inputs: { gift_id: gift.id, reason: gift.reason } }, occurred_at: now, entries: move(gift.points!, Account.issued, Account.available), opensLot: { earned_at: now } }],
    }));
    await postGroup(tx, postings, now);
    outcomes.push(...receiving.map((customerId): Outcome => ({ customerId, outcome: 'given' })));
  } else {
    for (const customerId of receiving) {
      const redemption = await issueFreeReward(tx, program, customerId, gift.reward_id!, now);
      outcomes.push(redemption ? { customerId, outcome: 'given', redemptionId: redemption.id } : { customerId, outcome: 'skipped', detail: 'the reward is archived' });
    }
  }
  const data = (o: Outcome) => ({ gift_id: gift.id, reason: gift.reason, points: gift.points, reward_id: gift.reward_id, redemption_id: o.redemptionId ?? null });
  await appendEvents(tx, outcomes.filter((o) => o.outcome === 'given').map((o) => ({ programId: program.id, customerId: o.customerId, type: 'gift.received', dedupeKey: `gift.received:${gift.id}`, data: data(o) })), now);
  return outcomes;
}
