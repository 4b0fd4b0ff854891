import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { LocalizedText, ProfileOption, ProfileQuestionsTable, ProfileQuestionType } from '../platform/db/profile-tables.ts';
import { conflict, invalidRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { programCache } from '../platform/program-cache.ts';

export type QuestionRow = Selectable<ProfileQuestionsTable>;

export interface QuestionInput {
  key: string;
  type: ProfileQuestionType;
  text: LocalizedText;
  options?: ProfileOption[];
  required?: boolean;
  position?: number;
}

/** What may change once a question exists: its key and type are what answers and segments rely on. */
export type QuestionChanges = Partial<Pick<QuestionInput, 'text' | 'options' | 'required' | 'position'>>;

export const isChoice = (type: ProfileQuestionType) => type === 'single_choice' || type === 'multiple_choice';

/** Choice questions need two options or more, each value once; the other types take none. */
function assertOptions(type: ProfileQuestionType, options: ProfileOption[] | undefined): ProfileOption[] {
  if (!isChoice(type)) {
    if (options?.length) throw invalidRequest('parameter_unknown', `options apply to single_choice and multiple_choice questions, not ${type}.`, 'options');
    return [];
  }
  if (!options || options.length < 2) throw invalidRequest('parameter_invalid', `A ${type} question needs at least two options.`, 'options');
  const seen = new Set<string>();
  for (const [n, option] of options.entries()) {
    if (seen.has(option.value)) throw invalidRequest('parameter_invalid', `The option value "${option.value}" is given twice.`, `options.${n}.value`);
    seen.add(option.value);
  }
  return options;
}

const asked = programCache(2_000, async (db, programId) => (await db.selectFrom('profile_questions').select('id').where('program_id', '=', programId).limit(1).execute()).length > 0);

/** Whether the program has ever asked a profile question (answers exist only then; cached, see programCache). */
export const asksProfileQuestions = (db: Db | Tx, programId: string): Promise<boolean> => asked.get(db, programId);

export async function createQuestion(db: Db, programId: string, input: QuestionInput, at: Date): Promise<QuestionRow> {
  const options = assertOptions(input.type, input.options);
  const taken = await db.selectFrom('profile_questions').select(['id', 'archived_at']).where('program_id', '=', programId).where('key', '=', input.key).executeTakeFirst();
  if (taken) throw conflict('key_taken', `The key "${input.key}" is taken by ${taken.archived_at ? 'an archived question' : 'another question'} (${taken.id}).`, 'key');
  const last = await db.selectFrom('profile_questions').select((eb) => eb.fn.max('position').as('position')).where('program_id', '=', programId).executeTakeFirst();
  return db
    .insertInto('profile_questions')
    .values({
      id: newId('pq', at.getTime()),
      program_id: programId,
      key: input.key,
      type: input.type,
      text: JSON.stringify(input.text),
      options: JSON.stringify(options),
      required: input.required ?? false,
      position: input.position ?? (last?.position ?? -1) + 1,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .finally(() => asked.forget(programId));
}

export async function getQuestion(db: Db | Tx, programId: string, id: string): Promise<QuestionRow> {
  const row = await db.selectFrom('profile_questions').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('profile question', id);
  return row;
}

/** The program's questions in the order shoppers see them; archived ones only when asked for. */
export function listQuestions(db: Db | Tx, programId: string, options: { archived?: boolean } = {}): Promise<QuestionRow[]> {
  return db
    .selectFrom('profile_questions')
    .selectAll()
    .where('program_id', '=', programId)
    .$if(!options.archived, (q) => q.where('archived_at', 'is', null))
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** How many customers answered each question. */
export async function answerCounts(db: Db, programId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('profile_answers').select(['question_id', (eb) => eb.fn.countAll<string>().as('n')]).where('program_id', '=', programId).groupBy('question_id').execute();
  return new Map(rows.map((r) => [r.question_id, Number(r.n)]));
}

export async function updateQuestion(db: Db, programId: string, id: string, changes: QuestionChanges, at: Date): Promise<QuestionRow> {
  const current = await getQuestion(db, programId, id);
  const options = changes.options === undefined ? undefined : assertOptions(current.type, changes.options);
  if (options) await assertRemovedOptionsUnused(db, current, options);
  return db
    .updateTable('profile_questions')
    .set({
      ...(changes.text !== undefined ? { text: JSON.stringify(changes.text) } : {}),
      ...(options !== undefined ? { options: JSON.stringify(options) } : {}),
      ...(changes.required !== undefined ? { required: changes.required } : {}),
      ...(changes.position !== undefined ? { position: changes.position } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An option customers chose stays: taking it away would leave answers that mean nothing. */
async function assertRemovedOptionsUnused(db: Db, question: QuestionRow, options: ProfileOption[]): Promise<void> {
  const kept = new Set(options.map((o) => o.value));
  const removed = question.options.map((o) => o.value).filter((v) => !kept.has(v));
  if (removed.length === 0) return;
  // `?|` matches a string answer and the elements of a list of them alike.
  const used = await db.selectFrom('profile_answers').select(sql<string>`value`.as('value')).where('question_id', '=', question.id).where(sql<boolean>`value ?| ${removed}::text[]`).executeTakeFirst();
  if (used) throw invalidRequest('option_in_use', `Customers chose an option this change removes (${removed.map((v) => `"${v}"`).join(', ')}); keep it, or archive the question and ask a new one.`, 'options');
}

export async function hasAnswers(db: Db | Tx, questionId: string): Promise<boolean> {
  return (await db.selectFrom('profile_answers').select('customer_id').where('question_id', '=', questionId).limit(1).executeTakeFirst()) !== undefined;
}

export async function archiveQuestion(db: Db | Tx, programId: string, id: string, at: Date): Promise<QuestionRow> {
  const row = await db.updateTable('profile_questions').set({ archived_at: at, updated_at: at }).where('program_id', '=', programId).where('id', '=', id).where('archived_at', 'is', null).returningAll().executeTakeFirst();
  // Archived already: it stays as it was.
  return row ?? getQuestion(db, programId, id);
}

export async function deleteQuestion(db: Db | Tx, programId: string, id: string): Promise<void> {
  await db.deleteFrom('profile_questions').where('program_id', '=', programId).where('id', '=', id).execute();
}

/** A 400 naming the field, for what refers to a question by its id or its key (a segment's condition). */
export async function assertQuestionExists(db: Db | Tx, programId: string, ref: { question_id?: string; key?: string }, param: string): Promise<QuestionRow> {
  if ((ref.question_id === undefined) === (ref.key === undefined)) throw invalidRequest('parameter_invalid', 'Name the question by question_id or by key (one of them).', param);
  const row = await db
    .selectFrom('profile_questions')
    .selectAll()
    .where('program_id', '=', programId)
    .$if(ref.question_id !== undefined, (q) => q.where('id', '=', ref.question_id!))
    .$if(ref.key !== undefined, (q) => q.where('key', '=', ref.key!))
    .executeTakeFirst();
  if (!row) throw invalidRequest('question_unknown', `No profile question ${ref.question_id ? `with id "${ref.question_id}"` : `with key "${ref.key}"`}.`, param);
  return row;
}

/** The text in the locale, else in English. */
export const inLocale = (text: LocalizedText, locale: string): string => text[locale as keyof LocalizedText] ?? text.en;
