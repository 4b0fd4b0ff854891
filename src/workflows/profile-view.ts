import type { CustomerRow } from '../customers/customer-store.ts';
import { actionPoints } from '../earning/rule-store.ts';
import type { Db } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { answersOf, profileOf } from '../profiles/answer-store.ts';
import { profileComplete } from '../profiles/answer-validation.ts';
import { inLocale, listQuestions } from '../profiles/question-store.ts';
import { COMPLETED_KEY } from './profile-answered.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** When the customer first completed their profile (the profile_completed action), if ever. */
async function completedAt(db: Db, programId: string, customerId: string): Promise<string | null> {
  const row = await db.selectFrom('events').select('occurred_at').where('program_id', '=', programId).where('customer_id', '=', customerId).where('idempotency_key', '=', COMPLETED_KEY).executeTakeFirst();
  return row ? iso(row.occurred_at) : null;
}

/** The customer's answers as the merchant reads them: each with its question's key, and all of them as `profile`. */
export async function customerAnswers(deps: Deps, programId: string, customerId: string) {
  const [questions, answers, completed] = await Promise.all([listQuestions(deps.db, programId), answersOf(deps.db, programId, customerId), completedAt(deps.db, programId, customerId)]);
  return {
    object: 'profile_answers' as const,
    customer_id: customerId,
    answers: answers.map((a) => ({ question_id: a.question_id, key: a.key, value: a.value, answered_at: iso(a.answered_at) })),
    profile: profileOf(answers),
    complete: profileComplete(questions, new Set(answers.map((a) => a.question_id))),
    completed_at: completed,
  };
}

/**
 * The questions as a shopper reads them, in their language (English where the merchant wrote
 * none), with their answers so far, and the points completing the profile gives while it has not
 * been completed yet.
 */
export async function shopperProfile(deps: Deps, customer: CustomerRow, locale: string) {
  const now = deps.clock.now();
  const [questions, answers, completed, points] = await Promise.all([
    listQuestions(deps.db, customer.program_id),
    answersOf(deps.db, customer.program_id, customer.id),
    completedAt(deps.db, customer.program_id, customer.id),
    actionPoints(deps.db, customer.program_id, 'profile_completed', now),
  ]);
  const answerOf = new Map(answers.map((a) => [a.question_id, a.value]));
  return {
    object: 'shopper_profile' as const,
    locale,
    questions: questions.map((q) => ({
      id: q.id,
      key: q.key,
      type: q.type,
      text: inLocale(q.text, locale),
      options: q.options.map((o) => ({ value: o.value, label: inLocale(o.label, locale) })),
      required: q.required,
      answer: answerOf.get(q.id) ?? null,
    })),
    complete: profileComplete(questions, new Set(answerOf.keys())),
    completed_at: completed,
    completion_points: completed || customer.in_holdout ? 0 : points,
  };
}
