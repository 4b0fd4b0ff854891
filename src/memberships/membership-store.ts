import type { Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { MembershipPlansTable, MembershipsTable } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { programCache } from '../platform/program-cache.ts';
import type { Membership, MembershipPlan, MembershipStatus } from './membership.ts';
import { isEmptyChange } from '../platform/changes.ts';

export type MembershipRow = Selectable<MembershipsTable>;

export const toPlan = (r: Selectable<MembershipPlansTable>): MembershipPlan & { created_at: Date; updated_at: Date } => ({
  id: r.id,
  name: r.name,
  price_minor: r.price_minor,
  interval: r.interval,
  term_days: r.term_days,
  multiplier_hundredths: r.multiplier_hundredths,
  periodic_reward_id: r.periodic_reward_id,
  tier_id: r.tier_id,
  perks: r.perks,
  join_url: r.join_url,
  active: r.active,
  created_at: new Date(r.created_at),
  updated_at: new Date(r.updated_at),
});

export const toMembership = (r: MembershipRow): Membership => ({
  plan_id: r.plan_id,
  status: r.status,
  current_period_start: new Date(r.current_period_start),
  current_period_end: new Date(r.current_period_end),
});

const plans = programCache(2_000, async (db, programId) => (await db.selectFrom('membership_plans').selectAll().where('program_id', '=', programId).orderBy('id').execute()).map(toPlan));

/** Every plan of the program, retired ones too (members keep their benefits until their period ends). */
export const programPlans = (db: Db | Tx, programId: string): Promise<MembershipPlan[]> => plans.get(db, programId);

export type PlanInput = Omit<MembershipPlan, 'id' | 'active'> & { active?: boolean };

export async function createPlan(db: Db, programId: string, input: PlanInput, at: Date) {
  const row = await db.insertInto('membership_plans').values({ ...input, id: newId('mpl', at.getTime()), program_id: programId, created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
  plans.forget(programId);
  return toPlan(row);
}

export async function updatePlan(db: Db, programId: string, id: string, changes: Partial<PlanInput>, at: Date) {
  if (isEmptyChange(changes)) return getPlan(db, programId, id);
  const row = await db.updateTable('membership_plans').set({ ...changes, updated_at: at }).where('program_id', '=', programId).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw notFound('membership plan', id);
  plans.forget(programId);
  return toPlan(row);
}

export async function getPlan(db: Db | Tx, programId: string, id: string) {
  const row = await db.selectFrom('membership_plans').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('membership plan', id);
  return toPlan(row);
}

export async function listPlans(db: Db, programId: string) {
  return (await db.selectFrom('membership_plans').selectAll().where('program_id', '=', programId).orderBy('id').execute()).map(toPlan);
}

/** The memberships of these customers, in one query. */
export async function membershipsOf(db: Db | Tx, customerIds: string[]): Promise<MembershipRow[]> {
  if (customerIds.length === 0) return [];
  return db.selectFrom('memberships').selectAll().where('customer_id', 'in', customerIds).orderBy('id').execute();
}

export async function getMembership(db: Db | Tx, programId: string, id: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('memberships').selectAll().where('program_id', '=', programId).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('membership', id);
  return row;
}

export interface MembershipReport {
  customerId: string;
  planId: string;
  externalId: string;
  status: MembershipStatus;
  periodStart: Date;
  periodEnd: Date;
}

/** Records what the billing system says, keyed by its subscription id; returns the row before and after. */
export async function upsertMembership(tx: Tx, programId: string, r: MembershipReport, at: Date): Promise<{ before: MembershipRow | undefined; after: MembershipRow }> {
  const before = await tx.selectFrom('memberships').selectAll().where('program_id', '=', programId).where('external_id', '=', r.externalId).forUpdate().executeTakeFirst();
  const values = { plan_id: r.planId, status: r.status, current_period_start: r.periodStart, current_period_end: r.periodEnd, updated_at: at };
  const after = before
    ? await tx.updateTable('memberships').set(values).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
    : await tx
        .insertInto('memberships')
        .values({ ...values, id: newId('mbr', at.getTime()), program_id: programId, customer_id: r.customerId, external_id: r.externalId, started_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
  return { before, after };
}

/** The secret the billing system signs its webhooks with (one per program). */
export async function setBillingWebhookSecret(db: Db, programId: string, secret: string): Promise<void> {
  await db.updateTable('programs').set({ billing_webhook_secret: secret }).where('id', '=', programId).execute();
}

export async function billingWebhookSecret(db: Db, programId: string): Promise<string | null> {
  const row = await db.selectFrom('programs').select('billing_webhook_secret').where('id', '=', programId).executeTakeFirst();
  return row?.billing_webhook_secret ?? null;
}
