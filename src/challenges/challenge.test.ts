import { describe, expect, it } from 'vitest';
import { advance, startingProgress, type Challenge } from './challenge.ts';

describe('challenges', () => {
  const ch = (extra: Partial<Challenge> = {}): Challenge => ({ id: 'chl_1', name: '3 orders in 30 days', goal: 'orders', target: 3, event_type: null, window_days: 30, reward_id: null, points: 100, repeatable: false, starts_at: null, ends_at: null, active: true, ...extra });
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
  const orderStep = (collections: string[] = []) => ({ kind: 'order' as const, collections });

  it('three orders within the window complete it once', () => {
    let p = startingProgress();
    const steps = [0, 10, 20].map((d) => {
      const r = advance(ch(), p, orderStep(), day(d))!;
      p = r.progress;
      return r.completed;
    });
    expect(steps).toEqual([false, false, true]);
    expect(advance(ch(), p, orderStep(), day(21))).toBeUndefined();
  });

  it('outliving the window starts over', () => {
    let p = advance(ch(), startingProgress(), orderStep(), day(0))!.progress;
    p = advance(ch(), p, orderStep(), day(10))!.progress;
    const late = advance(ch(), p, orderStep(), day(31))!;
    expect(late.progress).toMatchObject({ attempt: 2, count: 1, started_at: day(31) });
  });

  it('distinct collections, events of a type, and repeatable challenges', () => {
    const coll = ch({ goal: 'collections', target: 3, window_days: null });
    let p = advance(coll, startingProgress(), orderStep(['a', 'b']), day(0))!.progress;
    expect(advance(coll, p, orderStep(['b']), day(1))!.progress.count).toBe(2);
    p = advance(coll, p, orderStep(['b', 'c']), day(2))!.progress;
    expect(p).toMatchObject({ completions: 1 });
    const reviews = ch({ goal: 'event', event_type: 'review', target: 2, repeatable: true, window_days: null });
    expect(advance(reviews, startingProgress(), { kind: 'event', type: 'signup' }, day(0))).toBeUndefined();
    let r = advance(reviews, startingProgress(), { kind: 'event', type: 'review' }, day(0))!;
    r = advance(reviews, r.progress, { kind: 'event', type: 'review' }, day(1))!;
    expect(r).toMatchObject({ completed: true, progress: { completions: 1, count: 0, attempt: 2 } });
  });
});
