import type { Tx } from '../platform/db/database.ts';
import { createHolds, type NewHold } from '../ledger/holds.ts';
import { postTransfers } from '../ledger/ledger-store.ts';
import { Account, move, type PostedTransfer, type TransferDraft } from '../ledger/transfer.ts';
import type { Award } from './award.ts';

export interface PostedAward extends Award {
  transaction_id: string;
  status: 'pending' | 'available';
  available_at: Date;
}

export interface AwardSource {
  code: 'earn.purchase' | 'earn.action';
  reference: { type: string; id: string };
  occurredAt: Date;
  /** The store whose order earned the points (coalition settlements follow it). */
  storeId?: string;
}

export interface PlannedAward {
  award: Award;
  draft: TransferDraft;
  held: boolean;
  availableAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * The earn transfers for the awards of one purchase or event. An award with hold days lands in
 * pending points until its hold ends (counted from when the purchase or event happened); one
 * whose hold already ended is available at once.
 */
export function planAwards(awards: Award[], source: AwardSource, now: Date): PlannedAward[] {
  return awards.map((award) => {
    const availableAt = new Date(source.occurredAt.getTime() + award.hold_days * DAY_MS);
    const held = availableAt > now;
    const draft: TransferDraft = {
      code: source.code,
      idempotency_key: `${source.reference.type}:${source.reference.id}:rule:${award.rule_id}`,
      reference: source.reference,
      rule_id: award.rule_id,
      explanation: held
        ? { ...award.explanation, summary: `${award.explanation.summary}; pending until ${availableAt.toISOString().slice(0, 10)}` }
        : award.explanation,
      occurred_at: source.occurredAt,
      entries: move(award.points, Account.issued, held ? Account.pending : Account.available),
      ...(held
        ? {}
        : { opensLot: { earned_at: source.occurredAt, ...(source.reference.type === 'order' ? { order_id: source.reference.id } : {}), ...(source.storeId ? { store_id: source.storeId } : {}) } }),
    };
    return { award, draft, held, availableAt };
  });
}

/** Describes the planned awards that were posted, and the holds to record for them. */
export function settleAwards(
  target: { programId: string; customerId: string; orderId?: string },
  planned: PlannedAward[],
  posted: PostedTransfer[],
  now: Date,
): { awards: PostedAward[]; holds: NewHold[] } {
  const byKey = new Map(posted.map((t) => [t.idempotency_key, t]));
  const results = planned.flatMap((p) => {
    const transfer = byKey.get(p.draft.idempotency_key);
    return transfer ? [{ ...p, transfer }] : [];
  });
  return {
    awards: results.map((r) => ({
      ...r.award,
      explanation: r.draft.explanation,
      transaction_id: r.transfer.id,
      status: r.held ? 'pending' : 'available',
      available_at: r.held ? r.availableAt : now,
    })),
    holds: results.filter((r) => r.held).map((r) => ({ ...target, transfer: r.transfer, availableAt: r.availableAt })),
  };
}

/** Plans, posts and settles the awards of one purchase or event, in the caller's transaction. */
export async function postAwards(
  tx: Tx,
  target: { programId: string; customerId: string; orderId?: string },
  awards: Award[],
  source: AwardSource,
  now: Date,
): Promise<PostedAward[]> {
  const planned = planAwards(awards, source, now);
  const posted = await postTransfers(tx, target.programId, target.customerId, planned.map((p) => p.draft), now);
  const settled = settleAwards(target, planned, posted, now);
  await createHolds(tx, settled.holds);
  return settled.awards;
}
