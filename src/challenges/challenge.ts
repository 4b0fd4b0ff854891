/** Challenges: a goal (orders, events of a type, distinct collections) reached in a window, then a reward. Pure. */
export interface Challenge {
  id: string;
  name: string;
  goal: 'orders' | 'event' | 'collections';
  target: number;
  event_type: string | null;
  window_days: number | null;
  reward_id: string | null;
  points: number;
  repeatable: boolean;
  starts_at: Date | null;
  ends_at: Date | null;
  active: boolean;
}

export interface ChallengeProgress {
  attempt: number;
  started_at: Date | null;
  count: number;
  seen: string[];
  completions: number;
  completed_at: Date | null;
}

export type Step = { kind: 'order'; collections: string[] } | { kind: 'event'; type: string };

export const startingProgress = (): ChallengeProgress => ({ attempt: 1, started_at: null, count: 0, seen: [], completions: 0, completed_at: null });

const DAY_MS = 86_400_000;

/**
 * One step towards a challenge, or undefined when it does not count. An attempt that outlived its
 * window starts over; reaching the target completes it (a repeatable challenge then starts a new
 * attempt, a one-off is done).
 */
export function advance(ch: Challenge, p: ChallengeProgress, step: Step, now: Date): { progress: ChallengeProgress; completed: boolean } | undefined {
  if (!ch.active || (ch.starts_at && now < ch.starts_at) || (ch.ends_at && now >= ch.ends_at)) return undefined;
  if (!ch.repeatable && p.completions > 0) return undefined;
  const counts =
    (ch.goal === 'orders' && step.kind === 'order') ||
    (ch.goal === 'collections' && step.kind === 'order' && step.collections.length > 0) ||
    (ch.goal === 'event' && step.kind === 'event' && step.type === ch.event_type);
  if (!counts) return undefined;
  const expired = p.started_at && ch.window_days && now.getTime() > p.started_at.getTime() + ch.window_days * DAY_MS;
  const base = expired ? { ...p, attempt: p.attempt + 1, started_at: null, count: 0, seen: [] } : p;
  const seen = step.kind === 'order' && ch.goal === 'collections' ? [...new Set([...base.seen, ...step.collections])] : base.seen;
  const count = ch.goal === 'collections' ? seen.length : base.count + 1;
  const next = { ...base, started_at: base.started_at ?? now, count, seen };
  if (count < ch.target) return { progress: next, completed: false };
  const done = { ...next, completions: next.completions + 1, completed_at: now };
  return { progress: ch.repeatable ? { ...done, attempt: done.attempt + 1, started_at: null, count: 0, seen: [] } : done, completed: true };
}

/** When the current attempt's window closes, if it has one and has started. */
export function windowEnds(ch: Challenge, p: ChallengeProgress): Date | null {
  return ch.window_days && p.started_at ? new Date(p.started_at.getTime() + ch.window_days * DAY_MS) : null;
}
