import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { ProfileAnswerValue } from '../platform/db/profile-tables.ts';

export interface StoredAnswer {
  question_id: string;
  key: string;
  value: ProfileAnswerValue;
  answered_at: Date;
}

/** A change to one answer: a new value, or null to take the answer away. */
export interface AnswerChange {
  questionId: string;
  value: ProfileAnswerValue | null;
}

/** The customer's answers, in the questions' order (archived questions' answers too: they are still the customer's). */
export function answersOf(db: Db | Tx, programId: string, customerId: string): Promise<StoredAnswer[]> {
  return db
    .selectFrom('profile_answers as a')
    .innerJoin('profile_questions as q', 'q.id', 'a.question_id')
    .select(['a.question_id', 'q.key', 'a.value', 'a.answered_at'])
    .where('a.program_id', '=', programId)
    .where('a.customer_id', '=', customerId)
    .orderBy('q.position')
    .orderBy('q.id')
    .execute();
}

/** The answers as customer attributes, by question key: `{ skin_type: "dry", products_owned: ["grinder"] }`. */
export const profileOf = (answers: StoredAnswer[]): Record<string, ProfileAnswerValue> => Object.fromEntries(answers.map((a) => [a.key, a.value]));

/**
 * Writes the changes in the caller's transaction and returns the questions whose answer is now
 * different: the same value again (a retry, a re-save) changes nothing and is not returned.
 */
export async function saveAnswers(tx: Tx, programId: string, customerId: string, changes: AnswerChange[], at: Date): Promise<string[]> {
  const set = changes.filter((c): c is AnswerChange & { value: ProfileAnswerValue } => c.value !== null);
  const cleared = changes.filter((c) => c.value === null).map((c) => c.questionId);
  const written = set.length
    ? await tx
        .insertInto('profile_answers')
        .values(set.map((c) => ({ program_id: programId, customer_id: customerId, question_id: c.questionId, value: JSON.stringify(c.value), answered_at: at })))
        .onConflict((oc) =>
          oc
            .columns(['customer_id', 'question_id'])
            .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), answered_at: eb.ref('excluded.answered_at') }))
            .where(sql<boolean>`profile_answers.value is distinct from excluded.value`),
        )
        .returning('question_id')
        .execute()
    : [];
  const removed = cleared.length ? await tx.deleteFrom('profile_answers').where('customer_id', '=', customerId).where('question_id', 'in', cleared).returning('question_id').execute() : [];
  return [...written, ...removed].map((r) => r.question_id);
}

/** A privacy erasure: the answers are personal data, and go. */
export async function forgetAnswers(db: Db | Tx, programId: string, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await db.deleteFrom('profile_answers').where('program_id', '=', programId).where('customer_id', 'in', customerIds).execute();
}
