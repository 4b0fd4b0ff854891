import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { ExperimentMetric, ExperimentsTable, ExperimentVariant } from '../platform/db/experiment-tables.ts';
import { conflict, invalidRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { programCache } from '../platform/program-cache.ts';
import { segmentSql } from '../segments/segment-conditions.ts';
import { assertSegmentExists, definitionOf, getSegment } from '../segments/segment-store.ts';

export type ExperimentRow = Selectable<ExperimentsTable>;

export interface ExperimentInput {
  name: string;
  segment_id?: string;
  variants: ExperimentVariant[];
  split?: number[];
  metric: ExperimentMetric;
  days: number;
}

/** An offer under test: which experiment, which variant (0 is the first), and what it is. */
export interface OfferUnderTest {
  experimentId: string;
  variant: number;
  rewardId?: string;
  ruleId?: string;
}

const running = programCache<OfferUnderTest[]>(2_000, async (db, programId) => {
  const rows = await db.selectFrom('experiments').select(['id', 'variants']).where('program_id', '=', programId).where('status', '=', 'running').execute();
  return rows.flatMap((e) => e.variants.map((v, variant) => ({ experimentId: e.id, variant, rewardId: v.reward_id, ruleId: v.earning_rule_id })));
});

/** The offers of the program's running experiments (cached two seconds, forgotten when one starts or stops). */
export const offersUnderTest = (db: Db | Tx, programId: string) => running.get(db, programId);
/** After an experiment starts (once its transaction has committed, or a read in between would cache the old list). */
export const forgetOffersUnderTest = (programId: string) => running.forget(programId);

/** The split: as given (whole percents adding up to 100), else as even as whole percents allow. */
function splitOf(input: ExperimentInput): number[] {
  const n = input.variants.length;
  if (!input.split) return input.variants.map((_, i) => Math.floor(100 / n) + (i < 100 % n ? 1 : 0));
  if (input.split.length !== n) throw invalidRequest('parameter_invalid', `The split needs one share per variant (${n}).`, 'split');
  if (input.split.reduce((a, b) => a + b, 0) !== 100) throw invalidRequest('parameter_invalid', 'The split’s shares add up to 100.', 'split');
  return input.split;
}

/** Each variant is one reward or one earning rule, active, and in no other running experiment. */
async function assertVariants(db: Db | Tx, programId: string, variants: ExperimentVariant[]): Promise<void> {
  const busy = await offersUnderTest(db, programId);
  const seen = new Set<string>();
  for (const [n, v] of variants.entries()) {
    const param = `variants[${n}]`;
    if ((v.reward_id === undefined) === (v.earning_rule_id === undefined)) throw invalidRequest('parameter_invalid', 'A variant is a reward_id or an earning_rule_id, one of the two.', param);
    const ref = v.reward_id ?? v.earning_rule_id!;
    if (seen.has(ref)) throw invalidRequest('parameter_invalid', `${ref} is in two variants.`, param);
    seen.add(ref);
    const found = v.reward_id
      ? await db.selectFrom('rewards').select('id').where('program_id', '=', programId).where('id', '=', v.reward_id).where('status', '=', 'active').executeTakeFirst()
      : await db.selectFrom('earning_rules').select('id').where('program_id', '=', programId).where('id', '=', v.earning_rule_id!).where('active', '=', true).executeTakeFirst();
    if (!found) throw invalidRequest('parameter_invalid', `No active ${v.reward_id ? 'reward' : 'earning rule'} ${ref} in this program.`, param);
    const other = busy.find((o) => o.rewardId === ref || o.ruleId === ref);
    if (other) throw conflict('offer_in_experiment', `${ref} is already tested in experiment ${other.experimentId}; stop it first.`, param);
  }
}

/**
 * Starts an experiment: fixes who is in it (the segment's customers now, or every customer) and
 * assigns each a variant by a stable hash of (experiment, customer) against the split, in one
 * statement; the same customer always lands in the same variant of an experiment. The caller
 * forgets the cached offers once the transaction commits (forgetOffersUnderTest).
 */
export async function startExperiment(tx: Tx, programId: string, input: ExperimentInput, actor: string | null, at: Date): Promise<ExperimentRow> {
  const split = splitOf(input);
  if (input.segment_id) await assertSegmentExists(tx as Db, programId, input.segment_id);
  await assertVariants(tx, programId, input.variants);
  const row = await tx
    .insertInto('experiments')
    .values({ id: newId('exp', at.getTime()), program_id: programId, name: input.name, segment_id: input.segment_id ?? null, variants: JSON.stringify(input.variants), split, metric: input.metric, days: input.days, created_by: actor, started_at: at, created_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  const who = input.segment_id ? await segmentSql(tx as Db, programId, definitionOf(await getSegment(tx, programId, input.segment_id)), at) : sql<boolean>`true`;
  // Cut points of the cumulative split: 50/50 → [50]; a bucket 0–99 falls in the variant of the cut points below it.
  const cuts = split.slice(0, -1).map((_, i) => split.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const { rows } = await sql<{ n: number }>`
    with assigned as (
      insert into experiment_members (experiment_id, customer_id, variant)
      select ${row.id}, c.id, (select count(*) from unnest(${cuts}::int[]) cut where cut <= c.bucket)
      from (select id, abs(hashtextextended(${row.id} || ':' || id, 0)) % 100 as bucket from customers where program_id = ${programId} and redacted_at is null and ${who}) c
      returning 1
    ) select count(*)::int as n from assigned`.execute(tx);
  return tx.updateTable('experiments').set({ members: rows[0]!.n }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
}

export async function getExperiment(db: Db | Tx, programId: string, id: string): Promise<ExperimentRow> {
  const row = await db.selectFrom('experiments').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('experiment', id);
  return row;
}

export function listExperiments(db: Db, programId: string, page: { limit: number; starting_after?: string }) {
  let query = db.selectFrom('experiments').selectAll().where('program_id', '=', programId);
  if (page.starting_after) query = query.where('id', '<', page.starting_after);
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Stops the test: its offers go back to how they are outside it; what was given stays given, and the report ends here. */
export async function stopExperiment(db: Db, programId: string, id: string, at: Date): Promise<ExperimentRow> {
  const experiment = await getExperiment(db, programId, id);
  const stopped = await db.updateTable('experiments').set({ status: 'stopped', stopped_at: at }).where('id', '=', id).where('status', '=', 'running').returningAll().executeTakeFirst();
  if (!stopped) throw conflict('experiment_stopped', `This experiment was stopped at ${new Date(experiment.stopped_at!).toISOString()}.`);
  running.forget(programId);
  return stopped;
}

/** The variant of each running experiment the customer is in. */
export async function variantsOf(db: Db | Tx, customerId: string, experimentIds: string[]): Promise<Map<string, number>> {
  if (experimentIds.length === 0) return new Map();
  const rows = await db.selectFrom('experiment_members').select(['experiment_id', 'variant']).where('customer_id', '=', customerId).where('experiment_id', 'in', experimentIds).execute();
  return new Map(rows.map((r) => [r.experiment_id, r.variant]));
}

/**
 * Whether an offer is the customer's as far as experiments go: one no running experiment tests is
 * everyone's; one that is, only its variant's members'. No query unless the offer is under test.
 */
export async function offerIsTheirs(db: Db | Tx, programId: string, customerId: string, match: (o: OfferUnderTest) => boolean): Promise<boolean> {
  const tested = (await offersUnderTest(db, programId)).filter(match);
  if (tested.length === 0) return true;
  const variants = await variantsOf(db, customerId, tested.map((o) => o.experimentId));
  return tested.some((o) => variants.get(o.experimentId) === o.variant);
}

/** The earning rules that are the customer's: those under test only for their variant's members. */
export async function rulesTheirs<R extends { id: string }>(db: Db | Tx, programId: string, customerId: string, rules: R[]): Promise<R[]> {
  const offers = await offersUnderTest(db, programId);
  const tested = offers.filter((o) => o.ruleId !== undefined && rules.some((r) => r.id === o.ruleId));
  if (tested.length === 0) return rules;
  const variants = await variantsOf(db, customerId, tested.map((o) => o.experimentId));
  return rules.filter((r) => {
    const test = tested.find((o) => o.ruleId === r.id);
    return !test || variants.get(test.experimentId) === test.variant;
  });
}
