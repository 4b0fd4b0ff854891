import { describe, expect, it } from 'vitest';
import { decideTier, progress, refundReversal, statusUntil, type Tier, type TierSettings } from './tier.ts';

const tier = (id: string, threshold: number, extra: Partial<Tier> = {}): Tier => ({
  id,
  name: id,
  threshold,
  retain_threshold: null,
  multiplier_hundredths: 100,
  entry_reward_id: null,
  birthday_points: 0,
  perks: [],
  status: 'active',
  cashback_bps: null,
  ...extra,
});
const tiers = [tier('silver', 500), tier('gold', 1000, { retain_threshold: 800 })];
const settings = (period: TierSettings['period'], graceDays = 0): TierSettings => ({ metric: 'points_earned', period, graceDays });
const at = (iso: string) => new Date(iso);
const v = (current: number, previous = 0) => ({ current, previous });
const none = { tierId: null, unsupportedSince: null };
const gold = { tierId: 'gold', unsupportedSince: null };

describe('tier decisions', () => {
  it.each([
    ['no tier, nothing earned', v(0), none, { kind: 'stay', clearGrace: false }],
    ['reaches silver', v(500), none, { kind: 'upgrade', to: tiers[0] }],
    ['jumps straight to gold', v(1200), none, { kind: 'upgrade', to: tiers[1] }],
    ['gold kept at the retain threshold', v(800), gold, { kind: 'stay', clearGrace: false }],
    ['gold lost below it: down to silver at once without grace', v(799), gold, { kind: 'downgrade', to: tiers[0] }],
    ['last calendar year still supports gold', v(0, 1000), gold, { kind: 'stay', clearGrace: false }],
    ['an archived tier is left at once', v(600), { tierId: 'platinum', unsupportedSince: null }, { kind: 'downgrade', to: tiers[0] }],
  ] as const)('%s', (_name, value, state, expected) => {
    expect(decideTier(tiers, settings('calendar_year'), value, state, at('2026-03-01T00:00:00Z'))).toEqual(expected);
  });

  it('with grace: the first unsupported review starts it, the downgrade comes when it ends', () => {
    const s = settings('rolling_12_months', 30);
    const start = decideTier(tiers, s, v(100), gold, at('2026-03-01T00:00:00Z'));
    expect(start).toEqual({ kind: 'grace', to: null, downgradeOn: at('2026-03-31T00:00:00Z') });
    const during = decideTier(tiers, s, v(100), { tierId: 'gold', unsupportedSince: at('2026-03-01T00:00:00Z') }, at('2026-03-30T23:59:00Z'));
    expect(during).toEqual({ kind: 'stay', clearGrace: false });
    const after = decideTier(tiers, s, v(100), { tierId: 'gold', unsupportedSince: at('2026-03-01T00:00:00Z') }, at('2026-03-31T00:00:00Z'));
    expect(after).toEqual({ kind: 'downgrade', to: null });
    const recovered = decideTier(tiers, s, v(900), { tierId: 'gold', unsupportedSince: at('2026-03-01T00:00:00Z') }, at('2026-03-10T00:00:00Z'));
    expect(recovered).toEqual({ kind: 'stay', clearGrace: true });
  });

  it('a refund reverses only the upgrade the refunded order caused', () => {
    expect(refundReversal(tiers, v(900), gold, 'ord_1', 'ord_1')).toEqual(tiers[0]);
    expect(refundReversal(tiers, v(1000), gold, 'ord_1', 'ord_1')).toBeUndefined();
    expect(refundReversal(tiers, v(100), gold, 'ord_2', 'ord_1')).toBeUndefined();
  });
});

describe('status and progress', () => {
  const now = at('2026-06-15T00:00:00Z');
  it('calendar year: status earned this year lasts through next year; earned last year, through this one', () => {
    expect(statusUntil(tiers[1]!, settings('calendar_year'), v(900), [], now)).toEqual(at('2028-01-01T00:00:00Z'));
    expect(statusUntil(tiers[1]!, settings('calendar_year'), v(100, 1200), [], now)).toEqual(at('2027-01-01T00:00:00Z'));
  });

  it('rolling 12 months: until enough of the window has slid out', () => {
    const events = [
      { at: at('2025-08-01T00:00:00Z'), amount: 300 },
      { at: at('2026-01-10T00:00:00Z'), amount: 700 },
      { at: at('2026-05-01T00:00:00Z'), amount: 200 },
    ];
    expect(statusUntil(tiers[1]!, settings('rolling_12_months'), v(1200), events, now)).toEqual(at('2027-01-10T00:00:00Z'));
  });

  it('lifetime never lapses', () => {
    expect(statusUntil(tiers[1]!, settings('lifetime'), v(1200), [], now)).toBeNull();
  });

  it('progress names the next tier, what it needs and, for calendar years, by when', () => {
    expect(progress(tiers, settings('calendar_year'), v(650), 'silver', now)).toEqual({
      next_tier_id: 'gold',
      next_tier_name: 'gold',
      metric: 'points_earned',
      current: 650,
      needed: 350,
      by: '2027-01-01T00:00:00.000Z',
    });
    expect(progress(tiers, settings('lifetime'), v(2000), 'gold', now)).toBeNull();
  });
});
