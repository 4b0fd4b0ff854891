import { randomUUID } from 'node:crypto';
import { lockCustomer } from '../ledger/ledger-store.ts';
import type { Tx } from '../platform/db/database.ts';
import type { ProfileAnswerValue } from '../platform/db/profile-tables.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { appendEvents } from '../platform/outbox.ts';
import { answersOf, saveAnswers, type AnswerChange } from '../profiles/answer-store.ts';
import { checkAnswer, profileComplete } from '../profiles/answer-validation.ts';
import { listQuestions, type QuestionRow } from '../profiles/question-store.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { receiveEvent } from './event-received.ts';

/** The event that records the one profile_completed award of a customer (events are unique per key). */
export const COMPLETED_KEY = 'profile:completed';

export interface ProfileSaved {
  /** The questions whose answer changed now. */
  changed: string[];
  /** Points the profile_completed rules gave now (only ever on the first completion). */
  points_awarded: number;
}

/**
 * A shopper (or the merchant for them) answers profile questions, named by key or id; null takes
 * an answer away. Every answer is checked before anything is written, so a bad one changes
 * nothing. In one transaction, with the customer locked: the answers, a `profile.answered` event
 * when something changed and, the first time every required active question has an answer, the
 * `profile_completed` action (once per customer ever: a retry or a re-save awards nothing).
 */
export async function answerProfile(deps: Deps, program: ProgramContext, customerId: string, answers: Record<string, ProfileAnswerValue | null>, by: 'shopper' | 'merchant'): Promise<ProfileSaved> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const customer = await lockCustomer(tx, program.id, customerId);
    const questions = await listQuestions(tx, program.id, { archived: true });
    const changes = changesOf(questions, answers, now);
    const changed = await saveAnswers(tx, program.id, customerId, changes, now);
    if (changed.length > 0) {
      const keyOf = new Map(questions.map((q) => [q.id, q.key]));
      const values = Object.fromEntries(changes.filter((c) => changed.includes(c.questionId)).map((c) => [keyOf.get(c.questionId)!, c.value]));
      await appendEvents(tx, [{ programId: program.id, customerId, type: 'profile.answered', dedupeKey: `profile.answered:${randomUUID()}`, data: { answers: values, by } }], now);
    }
    const points = await completeOnce(tx, program, customer, questions, now);
    return { changed, points_awarded: points };
  });
}

/** Each answer checked against its question; the first bad one refuses the whole save. */
function changesOf(questions: QuestionRow[], answers: Record<string, ProfileAnswerValue | null>, now: Date): AnswerChange[] {
  const byRef = new Map(questions.flatMap((q) => [[q.id, q] as const, [q.key, q] as const]));
  const seen = new Set<string>();
  return Object.entries(answers).map(([ref, value]) => {
    const param = `answers.${ref}`;
    const question = byRef.get(ref);
    if (!question) throw invalidRequest('question_unknown', `No profile question with the key or id "${ref}".`, param);
    if (question.archived_at) throw invalidRequest('question_archived', `The question "${question.key}" is archived: it takes no new answers.`, param);
    if (seen.has(question.id)) throw invalidRequest('parameter_invalid', `The question "${question.key}" is answered twice (by its key and its id).`, param);
    seen.add(question.id);
    return { questionId: question.id, value: value === null ? null : checkAnswer(question, value, now, param) };
  });
}

/** The profile_completed action, the first time the profile is complete; its points (0 after that). */
async function completeOnce(tx: Tx, program: ProgramContext, customer: Awaited<ReturnType<typeof lockCustomer>>, questions: QuestionRow[], now: Date): Promise<number> {
  const answered = new Set((await answersOf(tx, program.id, customer.id)).map((a) => a.question_id));
  if (!profileComplete(questions.filter((q) => !q.archived_at), answered)) return 0;
  const { event, awards } = await receiveEvent(tx, program, customer, { type: 'profile_completed', idempotency_key: COMPLETED_KEY, properties: {}, occurred_at: now }, now);
  // A replay of the event: completed before, rewarded then.
  if (awards === undefined) return 0;
  const points = awards.reduce((sum, a) => sum + a.points, 0);
  await appendEvents(tx, [{ programId: program.id, customerId: customer.id, type: 'profile.completed', dedupeKey: 'profile.completed', data: { event_id: event.id, points_awarded: points } }], now);
  return points;
}
