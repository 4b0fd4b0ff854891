import { customerSegment } from '../analytics/customer-segment.ts';
import { lifecycleStage } from '../analytics/segments.ts';
import { describeChallenges } from '../challenges/challenge-view.ts';
import { getCustomer, type CustomerRow } from '../customers/customer-store.ts';
import { describeExpiry } from '../ledger/expiry-view.ts';
import type { Deps } from '../platform/deps.ts';
import { answersOf, profileOf } from '../profiles/answer-store.ts';
import { asksProfileQuestions } from '../profiles/question-store.ts';
import { programExpiryPolicy } from '../programs/program-store.ts';
import { programStampCards, stampProgressOf } from '../stamp-cards/stamp-card-store.ts';
import { describeTier } from '../tiers/tier-view.ts';

const DAY_MS = 86_400_000;

/** Where the customer is in their lifecycle, with the default thresholds (see the retention report). */
const stageOf = (c: { orders_count: number; first_order_at: Date | null; last_order_at: Date | null }, now: Date) =>
  c.first_order_at && c.last_order_at
    ? lifecycleStage({ orders: c.orders_count, days_since_first: (now.getTime() - new Date(c.first_order_at).getTime()) / DAY_MS, days_since_last: (now.getTime() - new Date(c.last_order_at).getTime()) / DAY_MS })
    : null;

/** Everything the customer read shows beside the customer: expiry, tier and progress, stamp cards, challenges, segment, profile answers. */
export async function customerProfile(deps: Deps, programId: string, customerId: string) {
  const customer: CustomerRow = await getCustomer(deps.db, programId, customerId);
  const now = deps.clock.now();
  // The sections read different tables and change nothing: they are asked for at once, and what
  // the program does not use (no cards, no profile questions) is not asked for.
  const [programCards, asksQuestions] = await Promise.all([programStampCards(deps.db, programId), asksProfileQuestions(deps.db, programId)]);
  const [expiry, tier, cards, challenges, segment, answers] = await Promise.all([
    programExpiryPolicy(deps.db, programId).then((policy) => describeExpiry(deps.db, customer, policy)),
    describeTier(deps.db, programId, customer, now),
    programCards.length > 0 ? stampProgressOf(deps.db, programId, customer.id) : [],
    describeChallenges(deps.db, programId, customer.id),
    customerSegment(deps.db, programId, customer),
    asksQuestions ? answersOf(deps.db, programId, customer.id) : [],
  ]);
  return {
    customer,
    points_expiry: expiry,
    ...tier,
    stamp_cards: cards
      .filter((c) => c.active || c.stamps !== null)
      .map((c) => ({ card_id: c.card_id, name: c.name, stamps: c.stamps ?? 0, stamps_required: c.stamps_required, cards_completed: c.cards_completed ?? 0 })),
    challenges,
    lifecycle_stage: stageOf(customer, now),
    rfm_segment: segment,
    profile: profileOf(answers),
  };
}
