import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { SegmentsTable } from '../platform/db/segment-tables.ts';
import { invalidRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { assertTierExists } from '../tiers/tier-store.ts';
import { assertQuestionExists, isChoice } from '../profiles/question-store.ts';
import { segmentSql, type ProfileAnswerCondition, type SegmentCondition, type SegmentDefinition } from './segment-conditions.ts';

export type SegmentRow = Selectable<SegmentsTable>;

export interface SegmentInput extends SegmentDefinition {
  name: string;
}

export const definitionOf = (row: SegmentRow): SegmentDefinition => ({ match: row.match, conditions: row.conditions as SegmentCondition[] });

/** Refuses a condition that could never narrow anything, or names a tier the program does not have. */
async function assertConditions(db: Db, programId: string, conditions: SegmentCondition[]): Promise<void> {
  for (const [n, c] of conditions.entries()) {
    const param = `conditions[${n}]`;
    if ((c.type === 'orders' || c.type === 'spend' || c.type === 'points_balance' || c.type === 'p_alive') && c.at_least === undefined && c.at_most === undefined) throw invalidRequest('parameter_invalid', `The ${c.type} condition needs at_least or at_most.`, param);
    if (c.type === 'bought' && !c.product_ids?.length && !c.collections?.length) throw invalidRequest('parameter_invalid', 'The bought condition needs product_ids or collections.', param);
    if (c.type === 'tier') for (const id of c.tier_ids.filter((t) => t !== 'none')) await assertTierExists(db, programId, id, param);
    if (c.type === 'profile_answer') await assertProfileCondition(db, programId, c, param);
  }
}

/** A question the program has; values where the op compares, and only those the question can have. */
async function assertProfileCondition(db: Db, programId: string, c: ProfileAnswerCondition, param: string): Promise<void> {
  const question = await assertQuestionExists(db, programId, c, param);
  const values = c.values ?? [];
  const compares = c.op === 'is' || c.op === 'is_not' || c.op === 'includes';
  if (compares && values.length === 0) throw invalidRequest('parameter_invalid', `The profile_answer condition ${c.op} needs values.`, param);
  if (!compares && values.length > 0) throw invalidRequest('parameter_unknown', `values do not apply to ${c.op}.`, param);
  if (question.type === 'date' && c.op === 'includes') throw invalidRequest('parameter_invalid', `includes applies to choice and text questions; ${question.key} is a date.`, param);
  const options = new Set(question.options.map((o) => o.value));
  const wrong = isChoice(question.type) ? values.find((v) => !options.has(v)) : question.type === 'date' ? values.find((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v)) : undefined;
  if (wrong !== undefined) throw invalidRequest('parameter_invalid', isChoice(question.type) ? `"${wrong}" is not an option of ${question.key}.` : `"${wrong}" is not a date (YYYY-MM-DD).`, param);
}

export async function createSegment(db: Db, programId: string, input: SegmentInput, at: Date): Promise<SegmentRow> {
  await assertConditions(db, programId, input.conditions);
  return db
    .insertInto('segments')
    .values({ id: newId('seg', at.getTime()), program_id: programId, name: input.name, match: input.match, conditions: JSON.stringify(input.conditions), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getSegment(db: Db | Tx, programId: string, id: string): Promise<SegmentRow> {
  const row = await db.selectFrom('segments').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('segment', id);
  return row;
}

export const listSegments = (db: Db, programId: string) => db.selectFrom('segments').selectAll().where('program_id', '=', programId).orderBy('id', 'desc').execute();

export async function updateSegment(db: Db, programId: string, id: string, changes: Partial<SegmentInput>, at: Date): Promise<SegmentRow> {
  await getSegment(db, programId, id);
  if (changes.conditions) await assertConditions(db, programId, changes.conditions);
  return db
    .updateTable('segments')
    .set({ ...(changes.name !== undefined ? { name: changes.name } : {}), ...(changes.match !== undefined ? { match: changes.match } : {}), ...(changes.conditions !== undefined ? { conditions: JSON.stringify(changes.conditions) } : {}), updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deleting a segment a reward, an active earning rule, a scheduled campaign or gift still uses is refused. */
export async function deleteSegment(db: Db, programId: string, id: string): Promise<void> {
  await getSegment(db, programId, id);
  const reward = await db.selectFrom('rewards').select('id').where('program_id', '=', programId).where('status', '=', 'active').where(({ ref }) => ref('definition', '->>').key('segment_id'), '=', id).executeTakeFirst();
  if (reward) throw invalidRequest('segment_in_use', `Reward ${reward.id} is for this segment; change or archive it first.`);
  const rule = await db.selectFrom('earning_rules').select('id').where('program_id', '=', programId).where('active', '=', true).where(({ ref }) => ref('definition', '->>').key('segment_id'), '=', id).executeTakeFirst();
  if (rule) throw invalidRequest('segment_in_use', `Earning rule ${rule.id} is for this segment; change or deactivate it first.`);
  const campaign = await db.selectFrom('email_campaigns').select('id').where('program_id', '=', programId).where('segment_id', '=', id).where('status', '=', 'scheduled').executeTakeFirst();
  if (campaign) throw invalidRequest('segment_in_use', `Campaign ${campaign.id} goes to this segment; cancel it first.`);
  const gift = await db.selectFrom('gifts').select('id').where('segment_id', '=', id).where('status', 'in', ['scheduled', 'running']).executeTakeFirst();
  if (gift) throw invalidRequest('segment_in_use', `Gift ${gift.id} goes to this segment; cancel it first.`);
  await db.deleteFrom('segments').where('id', '=', id).execute();
}

/** How many customers are in the segment now. */
export async function countMembers(db: Db, programId: string, definition: SegmentDefinition, now: Date): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .where(await segmentSql(db, programId, definition, now))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether one customer is in the segment now. */
export async function inSegment(db: Db | Tx, programId: string, segmentId: string, customerId: string, now: Date): Promise<boolean> {
  const segment = await getSegment(db, programId, segmentId);
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where('program_id', '=', programId)
    .where('id', '=', customerId)
    .where(await segmentSql(db as Db, programId, definitionOf(segment), now))
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of these segments the customer is in now (an earning rule's segment, checked at the order or the event). */
export async function segmentsHolding(db: Db | Tx, programId: string, customerId: string, segmentIds: string[], now: Date): Promise<Set<string>> {
  const held = await Promise.all(segmentIds.map(async (id) => ((await inSegment(db, programId, id, customerId, now)) ? [id] : [])));
  return new Set(held.flat());
}

/** A 400 naming the field, for what refers to a segment (a reward's `segment_id`, a gift's). */
export async function assertSegmentExists(db: Db, programId: string, id: string, param = 'segment_id'): Promise<void> {
  const row = await db.selectFrom('segments').select('id').where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw invalidRequest('segment_unknown', `No segment with id "${id}".`, param);
}

/** The segments with a condition on this profile question, by its id or its key. */
export async function segmentsNamingQuestion(db: Db | Tx, programId: string, question: { id: string; key: string }): Promise<string[]> {
  const byId = JSON.stringify([{ type: 'profile_answer', question_id: question.id }]);
  const byKey = JSON.stringify([{ type: 'profile_answer', key: question.key }]);
  const rows = await db
    .selectFrom('segments')
    .select('id')
    .where('program_id', '=', programId)
    .where((eb) => eb.or([eb(sql`conditions`, '@>', sql`${byId}::jsonb`), eb(sql`conditions`, '@>', sql`${byKey}::jsonb`)]))
    .execute();
  return rows.map((r) => r.id);
}
