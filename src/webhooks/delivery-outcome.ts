import type { Answer } from './webhook-request.ts';

/** An endpoint whose every attempt has failed this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

export type Outcome =
  | { kind: 'succeeded' }
  /** 410 Gone: the receiver says the endpoint no longer exists. */
  | { kind: 'gone' }
  | { kind: 'retry'; at: Date }
  | { kind: 'failed' };

/**
 * What an attempt's answer means: 2xx delivered; 410 disables the endpoint; anything else (3xx,
 * 4xx, 5xx, no answer) is retried after the schedule's wait for this step (`step` failures so far
 * less one), with up to 10% jitter and no sooner than a 429's or 503's Retry-After; when the
 * schedule has no more waits the delivery has failed.
 */
export function outcomeOf(answer: Answer, step: number, schedule: number[], now: Date, random = Math.random): Outcome {
  if (answer.status !== null && answer.status >= 200 && answer.status < 300) return { kind: 'succeeded' };
  if (answer.status === 410) return { kind: 'gone' };
  if (step >= schedule.length) return { kind: 'failed' };
  const scheduled = schedule[step]! * (1 + random() * 0.1);
  const asked = answer.status === 429 || answer.status === 503 ? Math.min(answer.retryAfterSeconds ?? 0, MAX_RETRY_AFTER_SECONDS) : 0;
  return { kind: 'retry', at: new Date(now.getTime() + Math.max(scheduled, asked) * 1000) };
}
