import type { ProfileAnswerValue, ProfileOption, ProfileQuestionType } from '../platform/db/profile-tables.ts';
import { invalidRequest } from '../platform/errors.ts';

/** What checking an answer needs to know of its question. */
export interface AnswerShape {
  key: string;
  type: ProfileQuestionType;
  options: ProfileOption[];
}

export const MAX_TEXT_ANSWER = 500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A date is "not in the future" where the shopper is: today somewhere on Earth (UTC+14 is the
// first to reach a day), so nobody is refused their own today by the server's time zone.
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/** The latest date an answer may name at this instant, YYYY-MM-DD. */
export const latestDate = (now: Date) => new Date(now.getTime() + EARLIEST_ZONE_MS).toISOString().slice(0, 10);

const isCalendarDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * An answer as it is stored, or a 400 naming `param`: a choice among the question's option
 * values, several different ones for a multiple choice, a real date not after today, or a text of
 * at most 500 characters once trimmed (and not empty).
 */
export function checkAnswer(question: AnswerShape, value: unknown, now: Date, param: string): ProfileAnswerValue {
  const fail = (message: string) => invalidRequest('answer_invalid', `${question.key}: ${message}`, param);
  const values = new Set(question.options.map((o) => o.value));
  const choices = () => [...values].map((v) => `"${v}"`).join(', ');
  switch (question.type) {
    case 'single_choice':
      if (typeof value !== 'string' || !values.has(value)) throw fail(`the answer must be one of ${choices()}.`);
      return value;
    case 'multiple_choice': {
      if (!Array.isArray(value) || value.length === 0) throw fail(`the answer must be a list of one or more of ${choices()} (null removes the answer).`);
      const unknown = value.find((v) => typeof v !== 'string' || !values.has(v));
      if (unknown !== undefined) throw fail(`${JSON.stringify(unknown)} is not one of ${choices()}.`);
      if (new Set(value).size !== value.length) throw fail('each choice may be given once.');
      return value as string[];
    }
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) throw fail('the answer must be a date, YYYY-MM-DD.');
      if (value > latestDate(now)) throw fail('the date cannot be in the future.');
      return value;
    case 'text': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text.length === 0) throw fail('the answer must be a text that is not empty (null removes the answer).');
      if (text.length > MAX_TEXT_ANSWER) throw fail(`the answer may have at most ${MAX_TEXT_ANSWER} characters.`);
      return text;
    }
  }
}

/**
 * Whether the answers complete the profile: every required active question answered, or every
 * active question where none is required. A program without questions has no profile to complete.
 */
export function profileComplete(active: { id: string; required: boolean }[], answered: ReadonlySet<string>): boolean {
  const needed = active.some((q) => q.required) ? active.filter((q) => q.required) : active;
  return needed.length > 0 && needed.every((q) => answered.has(q.id));
}
