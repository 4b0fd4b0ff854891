import type { Tx } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { emitEvent } from '../program-events/program-event-store.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { decideTier, refundReversal, type MetricValue, type Tier, type TierDecision } from '../tiers/tier.ts';
import { metricValues, tierProgram } from '../tiers/tier-store.ts';
import { issueFreeReward } from './reward-redeemed.ts';

export interface TierHolder {
  id: string;
  tier_id: string | null;
  tier_unsupported_since: Date | string | null;
  in_holdout?: boolean;
}

export type TierReason = 'qualified' | 'period_ended' | 'refund' | 'recalculation' | 'imported';

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Re-evaluates the tiers of customers the caller has locked, after their metric moved (an order,
 * an event) or time passed (the daily sweep): upgrades at once, downgrades when the period no
 * longer supports the tier, after the program's grace period, announcing each step. Returns how
 * many moved up and down.
 */
export async function reevaluateTiers(
  tx: Tx,
  program: ProgramContext,
  customers: TierHolder[],
  now: Date,
  cause: { reason: TierReason; type?: string; ids?: Map<string, string> },
): Promise<{ up: number; down: number }> {
  const { tiers, decisions } = await decideTiers(tx, program.id, customers, now, { ignoreGrace: cause.reason === 'recalculation' });
  let up = 0;
  let down = 0;
  for (const { customer, decision, value } of decisions) {
    const moved = await apply(tx, program, customer, tiers, decision, value, now, { reason: cause.reason, type: cause.type, id: cause.ids?.get(customer.id) });
    if (moved === 'up') up += 1;
    if (moved === 'down') down += 1;
  }
  return { up, down };
}

/**
 * What the tier rules decide for each customer now, without changing anything (a recalculation
 * after the tier structure changed moves customers at once: no grace).
 */
export async function decideTiers(tx: Tx, programId: string, customers: TierHolder[], now: Date, options: { ignoreGrace: boolean; thresholds?: ThresholdChange[] }) {
  const program = await tierProgram(tx, programId);
  const tiers = withThresholds(program.tiers, options.thresholds ?? []);
  const settings = options.ignoreGrace ? { ...program.settings, graceDays: 0 } : program.settings;
  const concerned = customers.filter((c) => (tiers.length > 0 || c.tier_id) && !c.in_holdout);
  const values = await metricValues(tx, programId, concerned.map((c) => c.id), settings, now);
  const decisions = concerned.map((customer) => {
    const value = values.get(customer.id)!;
    const state = { tierId: customer.tier_id, unsupportedSince: customer.tier_unsupported_since ? new Date(customer.tier_unsupported_since) : null };
    return { customer, value, decision: decideTier(tiers, settings, value, state, now) };
  });
  return { tiers, decisions };
}

/** A threshold change not saved yet, to preview who it would move. */
export interface ThresholdChange {
  tier_id: string;
  threshold: number;
  retain_threshold?: number | null;
}

function withThresholds(tiers: Tier[], changes: ThresholdChange[]): Tier[] {
  return tiers.map((tier) => {
    const change = changes.find((c) => c.tier_id === tier.id);
    return change ? { ...tier, threshold: change.threshold, retain_threshold: change.retain_threshold === undefined ? tier.retain_threshold : change.retain_threshold } : tier;
  });
}

/** After a refund or cancellation of `orderId`: reverse the upgrade that order caused, if the metric no longer reaches it. */
export async function reverseTierUpgrade(tx: Tx, program: ProgramContext, customer: TierHolder, orderId: string, now: Date): Promise<void> {
  if (!customer.tier_id) return;
  const { tiers, settings } = await tierProgram(tx, program.id);
  const last = await tx.selectFrom('tier_changes').select(['to_tier_id', 'cause_id', 'reason']).where('customer_id', '=', customer.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const cause = last && last.reason === 'qualified' && last.to_tier_id === customer.tier_id ? last.cause_id : null;
  const value = (await metricValues(tx, program.id, [customer.id], settings, now)).get(customer.id)!;
  const to = refundReversal(tiers, value, { tierId: customer.tier_id, unsupportedSince: null }, cause, orderId);
  if (to === undefined) return;
  await apply(tx, program, customer, tiers, { kind: 'downgrade', to }, value, now, { reason: 'refund', type: 'order', id: orderId });
}

async function apply(
  tx: Tx,
  program: ProgramContext,
  c: TierHolder,
  tiers: Tier[],
  decision: TierDecision,
  value: MetricValue,
  now: Date,
  cause: { reason: TierReason; type?: string; id?: string },
): Promise<'up' | 'down' | null> {
  const from = tiers.find((t) => t.id === c.tier_id) ?? null;
  const metric = Math.max(value.current, value.previous);
  if (decision.kind === 'stay') {
    if (decision.clearGrace) await tx.updateTable('customers').set({ tier_unsupported_since: null }).where('id', '=', c.id).execute();
    return null;
  }
  if (decision.kind === 'grace') {
    await tx.updateTable('customers').set({ tier_unsupported_since: now }).where('id', '=', c.id).execute();
    const data = { tier_id: c.tier_id, tier_name: from?.name ?? null, to_tier_id: decision.to?.id ?? null, downgrade_on: decision.downgradeOn.toISOString(), metric_value: metric };
    await emitEvent(tx, { programId: program.id, customerId: c.id, type: 'tier.will_downgrade', dedupeKey: `tier.will_downgrade:${c.tier_id}:${day(now)}`, data }, now);
    return null;
  }
  const to = decision.to;
  const reason: TierReason = decision.kind === 'upgrade' ? (cause.reason === 'recalculation' ? 'recalculation' : 'qualified') : cause.reason === 'qualified' ? 'period_ended' : cause.reason;
  await tx.updateTable('customers').set({ tier_id: to?.id ?? null, tier_since: now, tier_unsupported_since: null }).where('id', '=', c.id).execute();
  const changeId = newId('tch', now.getTime());
  await tx
    .insertInto('tier_changes')
    .values({ id: changeId, program_id: program.id, customer_id: c.id, from_tier_id: from?.id ?? null, to_tier_id: to?.id ?? null, reason, cause_type: cause.type ?? null, cause_id: cause.id ?? null, metric_value: metric, created_at: now })
    .execute();
  const type = decision.kind === 'upgrade' ? 'tier.upgraded' : 'tier.downgraded';
  await emitEvent(tx, { programId: program.id, customerId: c.id, type, dedupeKey: `${type}:${changeId}`, data: { from_tier_id: from?.id ?? null, from_tier_name: from?.name ?? null, to_tier_id: to?.id ?? null, to_tier_name: to?.name ?? null, reason, metric_value: metric } }, now);
  if (decision.kind === 'upgrade' && to?.entry_reward_id) await giveEntryReward(tx, program, c.id, to, now);
  return decision.kind === 'upgrade' ? 'up' : 'down';
}

/** A tier's entry reward, the first time the customer reaches the tier and never again. */
async function giveEntryReward(tx: Tx, program: ProgramContext, customerId: string, tier: Tier, now: Date): Promise<void> {
  const first = await tx.selectFrom('tier_entry_rewards').select('tier_id').where('customer_id', '=', customerId).where('tier_id', '=', tier.id).executeTakeFirst();
  if (first) return;
  const redemption = await issueFreeReward(tx, program, customerId, tier.entry_reward_id!, now);
  if (redemption) await tx.insertInto('tier_entry_rewards').values({ customer_id: customerId, tier_id: tier.id, redemption_id: redemption.id }).execute();
}
