import { resolveCustomer, type CustomerKeys } from '../customers/customer-store.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { conflict, invalidRequest } from '../platform/errors.ts';
import { lockCustomer } from '../ledger/ledger-store.ts';
import { givesBenefits, type MembershipStatus } from '../memberships/membership.ts';
import { getPlan, toMembership, upsertMembership, type MembershipRow } from '../memberships/membership-store.ts';
import { emitEvent } from '../program-events/program-event-store.ts';
import { loadProgramContext, type ProgramContext } from '../programs/program-store.ts';
import { issueFreeReward } from './reward-redeemed.ts';

export interface MembershipUpdate {
  customer: CustomerKeys;
  plan_id: string;
  /** The billing system's subscription id: updates of one membership share it. */
  external_id: string;
  status: MembershipStatus;
  current_period_start: string;
  current_period_end: string;
}

/**
 * The billing system reports a membership (through the API or its signed webhook): recorded by
 * its subscription id, announced when its status changes, and, while it gives benefits, its
 * plan's reward for the current period is issued (once per period).
 */
export async function reportMembership(deps: Deps, program: ProgramContext, update: MembershipUpdate): Promise<{ membership: MembershipRow; created: boolean }> {
  const now = deps.clock.now();
  const start = new Date(update.current_period_start);
  const end = new Date(update.current_period_end);
  if (end <= start) throw invalidRequest('parameter_invalid', 'current_period_end must be after current_period_start.', 'current_period_end');
  return deps.db.transaction().execute(async (tx) => {
    const plan = await getPlan(tx, program.id, update.plan_id);
    const { customer } = await resolveCustomer(tx, program.id, update.customer, now);
    const { before, after } = await upsertMembership(tx, program.id, { customerId: customer.id, planId: plan.id, externalId: update.external_id, status: update.status, periodStart: start, periodEnd: end }, now);
    if (before && before.customer_id !== customer.id) throw conflict('membership_of_another_customer', 'This subscription belongs to another customer.', 'external_id');
    if (!before || before.status !== after.status) {
      const data = { membership_id: after.id, plan_id: plan.id, plan_name: plan.name, status: after.status, current_period_end: end.toISOString() };
      await emitEvent(tx, { programId: program.id, customerId: customer.id, type: `membership.${after.status}`, dedupeKey: `membership:${after.id}:${after.status}:${start.toISOString()}`, data }, now);
    }
    await periodReward(tx, program, after, now);
    return { membership: after, created: !before };
  });
}

/** The plan's reward for the membership's current period, once, while it gives benefits. */
async function periodReward(tx: Tx, program: ProgramContext, m: MembershipRow, now: Date): Promise<boolean> {
  if (!givesBenefits(toMembership(m), now)) return false;
  const plan = await getPlan(tx, program.id, m.plan_id);
  if (!plan.periodic_reward_id) return false;
  const claimed = await tx
    .insertInto('membership_period_rewards')
    .values({ membership_id: m.id, customer_id: m.customer_id, period_start: m.current_period_start })
    .onConflict((oc) => oc.doNothing())
    .returning('membership_id')
    .executeTakeFirst();
  if (!claimed) return false;
  await lockCustomer(tx, program.id, m.customer_id);
  const redemption = await issueFreeReward(tx, program, m.customer_id, plan.periodic_reward_id, now);
  await tx.updateTable('membership_period_rewards').set({ redemption_id: redemption?.id ?? null }).where('membership_id', '=', m.id).where('customer_id', '=', m.customer_id).where('period_start', '=', m.current_period_start).execute();
  return true;
}

/**
 * Sweep: memberships whose paid period ended without a renewal from the billing system expire
 * (membership.expired); active ones get their period's reward if they have not yet. Idempotent.
 */
export async function reviewMemberships(db: Db, now: Date, options: { programId?: string } = {}): Promise<number> {
  let query = db.selectFrom('memberships').selectAll().where('status', '=', 'active');
  if (options.programId) query = query.where('program_id', '=', options.programId);
  let changed = 0;
  for (const m of await query.execute()) {
    changed += await db.transaction().execute(async (tx) => {
      const program = await loadProgramContext(tx, m.program_id);
      if (new Date(m.current_period_end) > now) return (await periodReward(tx, program, m, now)) ? 1 : 0;
      const expired = await tx.updateTable('memberships').set({ status: 'expired', updated_at: now }).where('id', '=', m.id).where('status', '=', 'active').returningAll().executeTakeFirst();
      if (!expired) return 0;
      await emitEvent(tx, { programId: program.id, customerId: m.customer_id, type: 'membership.expired', dedupeKey: `membership:${m.id}:expired:${new Date(m.current_period_start).toISOString()}`, data: { membership_id: m.id, plan_id: m.plan_id } }, now);
      return 1;
    });
  }
  return changed;
}
