import { describe, expect, it } from 'vitest';
import { evaluateAction } from './action-earning.ts';
import { periodEnd, periodStart } from './periods.ts';
import type { EarningRule } from './rules.ts';

const follow: EarningRule = { id: 'rule_ig', name: 'Follow us on Instagram', type: 'action', active: true, event_type: 'social_follow', network: 'instagram', points: 20, limit: { count: 1, period: 'lifetime' } };
const review: EarningRule = { id: 'rule_review', name: 'Review', type: 'action', active: true, event_type: 'review', points: 50, limit: { count: 2, period: 'week' }, hold_days: 14 };
const at = new Date('2026-03-04T09:00:00Z');

describe('action earning rules', () => {
  it('awards the rule of the event type and network', () => {
    expect(evaluateAction([follow, review], { type: 'social_follow', properties: { network: 'instagram' }, occurred_at: at }, new Map())).toMatchObject([
      { rule_id: 'rule_ig', points: 20, hold_days: 0 },
    ]);
    expect(evaluateAction([follow], { type: 'social_follow', properties: { network: 'tiktok' }, occurred_at: at }, new Map())).toEqual([]);
  });

  it('stops at the limit and says how much was used', () => {
    const [award] = evaluateAction([review], { type: 'review', properties: {}, occurred_at: at }, new Map([['rule_review', 1]]));
    expect(award!.explanation.summary).toBe('50 points for review: Review (limit 2 per week, 1 used before)');
    expect(award!.hold_days).toBe(14);
    expect(evaluateAction([review], { type: 'review', properties: {}, occurred_at: at }, new Map([['rule_review', 2]]))).toEqual([]);
  });

  it('custom event types are matched by name', () => {
    const custom: EarningRule = { id: 'rule_c', name: 'Quiz', type: 'action', active: true, event_type: 'quiz_completed', points: 5 };
    expect(evaluateAction([custom], { type: 'quiz_completed', properties: {}, occurred_at: at }, new Map())).toHaveLength(1);
  });
});

describe('limit periods (UTC calendar)', () => {
  it.each([
    ['day', '2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z'],
    ['week', '2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
    ['month', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ['year', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ] as const)('%s', (period, start, end) => {
    expect(periodStart(period, at).toISOString()).toBe(start);
    expect(periodEnd(period, at).toISOString()).toBe(end);
  });

  it('weeks start on Monday even from a Sunday', () => {
    expect(periodStart('week', new Date('2026-03-08T23:59:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});
