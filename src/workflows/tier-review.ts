import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { decideTiers, reevaluateTiers, type ThresholdChange, type TierHolder } from './tier-evaluated.ts';

const BATCH = 200;

/** Customers of a program in id order, a batch at a time, locked in a transaction of their own. */
async function forEachBatch(db: Db, programId: string, onlyWithTier: boolean, each: (tx: Tx, batch: TierHolder[]) => Promise<void>): Promise<void> {
  let after = '';
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      let query = tx.selectFrom('customers').select(['id', 'tier_id', 'tier_unsupported_since']).where('program_id', '=', programId).where('id', '>', after);
      if (onlyWithTier) query = query.where('tier_id', 'is not', null);
      const batch = await query.orderBy('id').limit(BATCH).forUpdate().execute();
      if (batch.length > 0) await each(tx, batch);
      after = batch.at(-1)?.id ?? after;
      return batch.length < BATCH;
    });
    if (done) return;
  }
}

/**
 * Sweep: tiers move with time too. Daily, every customer holding a tier is re-evaluated: the
 * period no longer supporting it starts the grace period (tier.will_downgrade), and past it the
 * customer moves down (tier.downgraded). Idempotent.
 */
export async function reviewTiers(db: Db, now: Date, options: { programId?: string } = {}): Promise<number> {
  let query = db.selectFrom('customers').select('program_id').where('tier_id', 'is not', null).distinct();
  if (options.programId) query = query.where('program_id', '=', options.programId);
  let moved = 0;
  for (const { program_id } of await query.execute()) {
    const program = await loadProgramContext(db, program_id);
    await forEachBatch(db, program_id, true, async (tx, batch) => {
      moved += (await reevaluateTiers(tx, program, batch, now, { reason: 'period_ended' })).down;
    });
  }
  return moved;
}

/**
 * Dry run of a recalculation: how many customers would move up and down under today's tiers, or
 * under today's tiers with `thresholds` changed (a change previewed before it is saved).
 */
export async function previewRecalculation(db: Db, programId: string, now: Date, thresholds: ThresholdChange[] = []): Promise<{ customers: number; moved_up: number; moved_down: number }> {
  const preview = { customers: 0, moved_up: 0, moved_down: 0 };
  let after = '';
  for (;;) {
    const batch = await db.selectFrom('customers').select(['id', 'tier_id', 'tier_unsupported_since']).where('program_id', '=', programId).where('id', '>', after).orderBy('id').limit(BATCH).execute();
    const { decisions } = await db.transaction().execute((tx) => decideTiers(tx, programId, batch, now, { ignoreGrace: true, thresholds }));
    preview.customers += batch.length;
    preview.moved_up += decisions.filter((d) => d.decision.kind === 'upgrade').length;
    preview.moved_down += decisions.filter((d) => d.decision.kind === 'downgrade').length;
    if (batch.length < BATCH) return preview;
    after = batch.at(-1)!.id;
  }
}

/** Queues a recalculation of every placement; `runRecalculations` (a job) carries it out. */
export async function queueRecalculation(db: Db, programId: string, now: Date) {
  const running = await db.selectFrom('tier_recalculations').select('id').where('program_id', '=', programId).where('status', 'in', ['queued', 'running']).executeTakeFirst();
  if (running) throw conflict('recalculation_in_progress', `Recalculation ${running.id} is still running.`);
  const customers = await db.selectFrom('customers').select(sql<number>`count(*)::int`.as('n')).where('program_id', '=', programId).executeTakeFirstOrThrow();
  return db
    .insertInto('tier_recalculations')
    .values({ id: newId('trc', now.getTime()), program_id: programId, status: 'queued', customers: customers.n, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Job: carries out queued recalculations batch by batch, recording progress as it goes. */
export async function getRecalculation(db: Db, programId: string, id: string) {
  const row = await db.selectFrom('tier_recalculations').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('recalculation', id);
  return row;
}

export async function runRecalculations(db: Db, now: Date): Promise<number> {
  let ran = 0;
  for (let job = await claimRecalculation(db); job; job = await claimRecalculation(db)) {
    ran += 1;
    try {
      const program = await loadProgramContext(db, job.program_id);
      await forEachBatch(db, job.program_id, false, async (tx, batch) => {
        const { up, down } = await reevaluateTiers(tx, program, batch, now, { reason: 'recalculation' });
        await tx
          .updateTable('tier_recalculations')
          .set({ processed: sql`processed + ${batch.length}`, moved_up: sql`moved_up + ${up}`, moved_down: sql`moved_down + ${down}` })
          .where('id', '=', job.id)
          .execute();
      });
      await db.updateTable('tier_recalculations').set({ status: 'done', finished_at: now }).where('id', '=', job.id).execute();
    } catch (error) {
      await db.updateTable('tier_recalculations').set({ status: 'failed', error: String(error), finished_at: now }).where('id', '=', job.id).execute();
    }
  }
  return ran;
}

/**
 * The oldest queued recalculation, marked running in the same statement, so that two runners
 * (the one the request starts and the minute sweep) never both carry out the same job.
 */
async function claimRecalculation(db: Db) {
  return db
    .updateTable('tier_recalculations')
    .set({ status: 'running' })
    .where('id', '=', (eb) => eb.selectFrom('tier_recalculations').select('id').where('status', '=', 'queued').orderBy('id').limit(1).forUpdate().skipLocked())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Recomputes every customer's tier from the ledger and orders and reports where the stored tier
 * differs from what the rules give now: a missed upgrade, or a tier the period no longer
 * supports (right after a period boundary, the daily review has not moved those yet).
 */
export async function verifyTiers(db: Db, now: Date, options: { programId?: string } = {}): Promise<{ id: string; detail: string }[]> {
  const found: { id: string; detail: string }[] = [];
  let programsQuery = db.selectFrom('tiers').select('program_id').distinct();
  if (options.programId) programsQuery = programsQuery.where('program_id', '=', options.programId);
  const programs = await programsQuery.execute();
  for (const { program_id } of programs) {
    let after = '';
    for (;;) {
      const batch = await db.selectFrom('customers').select(['id', 'tier_id', 'tier_unsupported_since']).where('program_id', '=', program_id).where('id', '>', after).orderBy('id').limit(BATCH).execute();
      const { tiers, decisions } = await db.transaction().execute((tx) => decideTiers(tx, program_id, batch, now, { ignoreGrace: false }));
      const name = (id: string | null | undefined) => tiers.find((t) => t.id === id)?.name ?? 'no tier';
      for (const { customer, decision, value } of decisions) {
        const metric = Math.max(value.current, value.previous);
        if (decision.kind === 'upgrade') found.push({ id: customer.id, detail: `stored ${name(customer.tier_id)}, metric ${metric} reaches ${decision.to.name}` });
        if (decision.kind === 'downgrade') found.push({ id: customer.id, detail: `stored ${name(customer.tier_id)}, metric ${metric} supports ${name(decision.to?.id)}` });
      }
      if (batch.length < BATCH) break;
      after = batch.at(-1)!.id;
    }
  }
  return found;
}
