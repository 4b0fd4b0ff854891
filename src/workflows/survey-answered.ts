import { randomUUID } from 'node:crypto';
import { lockCustomer } from '../ledger/ledger-store.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { appendEvents } from '../platform/outbox.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { categoryOf } from '../surveys/nps.ts';
import { recordAnswer, type SurveyAnswer, type SurveyResponseRow } from '../surveys/survey-store.ts';
import { receiveEvent } from './event-received.ts';

export interface SurveyAnswered {
  response: SurveyResponseRow;
  /** Whether this was the first answer to this asking (a later one changes it). */
  first: boolean;
  /** Points the `survey_answered` action rules gave now: only for a first answer. */
  points_awarded: number;
}

/** A score and a comment as the shopper gave them: a whole 0–10, and at most 2,000 characters. */
export function checkSurveyAnswer(score: unknown, comment: unknown): { score: number; comment: string | null } {
  const n = typeof score === 'string' && /^\d{1,2}$/.test(score) ? Number(score) : score;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 10) throw invalidRequest('parameter_invalid', 'score is a whole number from 0 to 10.', 'score');
  const text = typeof comment === 'string' ? comment.trim() : '';
  if (text.length > 2000) throw invalidRequest('parameter_invalid', 'comment is at most 2,000 characters.', 'comment');
  return { score: n, comment: text || null };
}

/**
 * A customer answers the survey, in one transaction with the customer locked: the answer (or the
 * changed answer to the same asking), a `survey.answered` program event, and for a first answer
 * the `survey_answered` action (its rules may award points, once per asking: the event's key is
 * the response, so a retry awards nothing).
 */
export async function answerSurvey(deps: Deps, program: ProgramContext, answer: Omit<SurveyAnswer, 'programId'>): Promise<SurveyAnswered> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const customer = await lockCustomer(tx, program.id, answer.customerId);
    const { response, first } = await recordAnswer(tx, { ...answer, programId: program.id }, now);
    const category = categoryOf(response.score);
    let points = 0;
    if (first) {
      const { awards } = await receiveEvent(tx, program, customer, { type: 'survey_answered', idempotency_key: `survey:${response.id}`, properties: { score: response.score, category, source: response.source }, occurred_at: now }, now);
      points = (awards ?? []).reduce((sum, a) => sum + a.points, 0);
    }
    const data = { response_id: response.id, score: response.score, category, comment: response.comment, source: response.source, campaign_id: response.campaign_id, changed: !first, points_awarded: points };
    await appendEvents(tx, [{ programId: program.id, customerId: customer.id, type: 'survey.answered', dedupeKey: `survey.answered:${randomUUID()}`, data }], now);
    return { response, first, points_awarded: points };
  });
}
