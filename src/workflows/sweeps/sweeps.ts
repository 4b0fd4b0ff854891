import { forgetOldBodies } from '../../connections/inbox.ts';
import type { Deps } from '../../platform/deps.ts';
import { forgetOldIdempotencyKeys } from '../../platform/http/idempotency.ts';
import { releaseDueHolds } from '../../ledger/holds.ts';
import { awardBirthdays } from '../birthday-sweep.ts';
import { processDueDeliveries } from '../store-delivery-processed.ts';
import { writeBackDueConnections } from '../store-customers-written.ts';
import { reconcileDueConnections } from '../store-reconciled.ts';
import { announceExpiringPoints, expirePoints } from '../points-expiry.ts';
import { expireCodes } from '../redemption-settled.ts';
import { reviewMemberships } from '../membership-reported.ts';
import { completeReferrals } from '../referral-completed.ts';
import { reviewTiers, runRecalculations } from '../tier-review.ts';
import { runOrderImports } from '../imports/order-import.ts';
import { giveDueGifts } from '../gift-given.ts';
import { forgetOldDeliveries } from '../../webhooks/delivery-store.ts';
import { refreshDueProgramPairs } from '../../recommendations/product-pairs.ts';

/**
 * Time-based work, as level-triggered sweeps: each finds what is due now and does it with
 * idempotent writes, so a sweep that runs twice, late or on two instances at once is harmless.
 */
export interface Sweep {
  name: string;
  /** Cron, UTC. */
  cron: string;
  run(deps: Deps): Promise<number>;
}

export const sweeps: Sweep[] = [
  { name: 'release-pending-points', cron: '*/5 * * * *', run: ({ db, clock }) => releaseDueHolds(db, clock.now()) },
  { name: 'expire-codes', cron: '*/15 * * * *', run: ({ db, clock }) => expireCodes(db, clock.now()) },
  { name: 'expire-points', cron: '10 0 * * *', run: ({ db, clock }) => expirePoints(db, clock.now()) },
  { name: 'announce-expiring-points', cron: '20 0 * * *', run: ({ db, clock }) => announceExpiringPoints(db, clock.now()) },
  { name: 'review-tiers', cron: '30 0 * * *', run: ({ db, clock }) => reviewTiers(db, clock.now()) },
  { name: 'run-tier-recalculations', cron: '* * * * *', run: ({ db, clock }) => runRecalculations(db, clock.now()) },
  { name: 'run-order-imports', cron: '* * * * *', run: (deps) => runOrderImports(deps) },
  { name: 'complete-referrals', cron: '*/15 * * * *', run: ({ db, clock }) => completeReferrals(db, clock.now()) },
  { name: 'review-memberships', cron: '*/15 * * * *', run: ({ db, clock }) => reviewMemberships(db, clock.now()) },
  { name: 'award-birthdays', cron: '5 0 * * *', run: ({ db, clock }) => awardBirthdays(db, clock.now()) },
  { name: 'apply-store-deliveries', cron: '* * * * *', run: (deps) => processDueDeliveries(deps) },
  { name: 'reconcile-connections', cron: '* * * * *', run: (deps) => reconcileDueConnections(deps) },
  { name: 'write-back-customers', cron: '* * * * *', run: (deps) => writeBackDueConnections(deps) },
  { name: 'forget-delivery-bodies', cron: '40 3 * * *', run: ({ db, clock }) => forgetOldBodies(db, clock.now()) },
  { name: 'refresh-product-pairs', cron: '45 * * * *', run: ({ db, clock }) => refreshDueProgramPairs(db, clock.now()) },
  { name: 'give-gifts', cron: '* * * * *', run: (deps) => giveDueGifts(deps) },
  { name: 'forget-webhook-deliveries', cron: '50 3 * * *', run: ({ db, clock }) => forgetOldDeliveries(db, clock.now()) },
  { name: 'forget-idempotency-keys', cron: '17 * * * *', run: ({ db, clock }) => forgetOldIdempotencyKeys(db, clock.now()) },
];
