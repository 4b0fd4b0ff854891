import { evaluatePurchase, type PurchaseFacts } from '../earning/purchase-earning.ts';
import { validateRule, type EarningRule, type RuleDefinition, type RuleType } from '../earning/rules.ts';
import { invalidRequest } from '../platform/errors.ts';
import { mulDivFloor } from '../platform/money.ts';
import { qualifiedTier, type Tier, type TierMetric } from '../tiers/tier.ts';

/**
 * A draft program replayed over past orders with the engine's own pure functions (earning rules,
 * tier qualification), touching no live data: what it would have issued, what typical shoppers
 * would have redeemed, what would have expired, the liability month by month, and who would be in
 * which tier. Pure.
 */
export interface DraftProgram {
  earning_rules: ({ name: string; type: RuleType } & RuleDefinition)[];
  tiers?: { name: string; threshold: number; earn_multiplier?: number }[];
  tier_metric?: TierMetric;
  expiry_days?: number | null;
  /** Share of their available points shoppers spend each month (in whole rewards). */
  typical_redemption_rate?: number;
  reward_points_cost?: number;
  point_cost_per_1000?: number;
}

export interface PastOrder extends PurchaseFacts {
  customer_id: string;
}

interface Shopper {
  lots: { points: number; earned: number }[];
  earned: number;
  spent: number;
  orders: number;
  tier: Tier | null;
}

const DAY_MS = 86_400_000;
const month = (t: number) => new Date(t).toISOString().slice(0, 7);

export function checkDraft(draft: DraftProgram): { rules: EarningRule[]; tiers: Tier[] } {
  if (!Array.isArray(draft.earning_rules) || draft.earning_rules.length === 0) throw invalidRequest('parameter_missing', 'A draft needs earning_rules.', 'earning_rules');
  const rules = draft.earning_rules.map((r, i) => {
    const { name, type, ...definition } = r;
    if (type === 'action') throw invalidRequest('parameter_invalid', `earning_rules.${i}: a backtest replays orders; action rules do not apply.`, `earning_rules.${i}.type`);
    validateRule(type, definition);
    return { ...definition, id: `draft_${i}`, name, type, active: true } as EarningRule;
  });
  const tiers = (draft.tiers ?? []).map((t, i) => ({
    id: `draft_tier_${i}`,
    name: t.name,
    threshold: t.threshold,
    retain_threshold: null,
    multiplier_hundredths: Math.round((t.earn_multiplier ?? 1) * 100),
    entry_reward_id: null,
    birthday_points: 0,
    perks: [],
    status: 'active' as const,
    cashback_bps: null,
  }));
  return { rules, tiers };
}

/**
 * A replay of a draft program, fed past orders oldest first (a page at a time, so a big store's
 * history never sits in memory at once); `result` closes the last month and sums up.
 */
export function startReplay(draft: DraftProgram) {
  const { rules, tiers } = checkDraft(draft);
  const rate = draft.typical_redemption_rate ?? 0;
  const cost = draft.reward_points_cost ?? 100;
  const shoppers = new Map<string, Shopper>();
  const months = new Map<string, { issued: number; redeemed: number; expired: number }>();
  const book = (m: string) => months.get(m) ?? (months.set(m, { issued: 0, redeemed: 0, expired: 0 }), months.get(m)!);
  let current: string | undefined;
  let orders = 0;

  const closeMonth = (m: string, end: number) => {
    for (const s of shoppers.values()) {
      if (draft.expiry_days) {
        for (const lot of s.lots) {
          if (lot.points > 0 && lot.earned + draft.expiry_days * DAY_MS <= end) {
            book(m).expired += lot.points;
            lot.points = 0;
          }
        }
      }
      const balance = s.lots.reduce((a, l) => a + l.points, 0);
      const spend = Math.floor((balance * rate) / cost) * cost;
      let left = spend;
      for (const lot of s.lots) {
        const take = Math.min(lot.points, left);
        lot.points -= take;
        left -= take;
      }
      book(m).redeemed += spend;
      s.lots = s.lots.filter((l) => l.points > 0);
    }
  };

  const add = (o: PastOrder) => {
    orders += 1;
    const m = month(o.placed_at.getTime());
    if (current && m !== current) closeMonth(current, o.placed_at.getTime());
    current = m;
    const s = shoppers.get(o.customer_id) ?? { lots: [], earned: 0, spent: 0, orders: 0, tier: null };
    shoppers.set(o.customer_id, s);
    const bonus = s.tier && s.tier.multiplier_hundredths !== 100 ? [{ name: s.tier.name, multiplier_hundredths: s.tier.multiplier_hundredths }] : [];
    const points = evaluatePurchase(rules, o, new Map(), bonus).reduce((a, w) => a + w.points, 0);
    s.lots.push({ points, earned: o.placed_at.getTime() });
    s.earned += points;
    s.spent += o.total;
    s.orders += 1;
    book(m).issued += points;
    const metric = draft.tier_metric === 'amount_spent' ? s.spent : draft.tier_metric === 'orders_count' ? s.orders : s.earned;
    const q = qualifiedTier(tiers, metric);
    if (q && (!s.tier || q.threshold > s.tier.threshold)) s.tier = q;
  };

  const result = () => {
    if (current) closeMonth(current, Date.parse(`${current}-01T00:00:00Z`) + 32 * DAY_MS);
    current = undefined;
    let outstanding = 0;
    const byMonth = [...months.entries()].map(([m, v]) => {
      outstanding += v.issued - v.redeemed - v.expired;
      return { month: m, ...v, outstanding, liability: mulDivFloor(Math.max(0, outstanding), draft.point_cost_per_1000 ?? 0, 1000) };
    });
    const sum = (k: 'issued' | 'redeemed' | 'expired') => byMonth.reduce((a, r) => a + r[k], 0);
    return {
      orders,
      customers: shoppers.size,
      points_issued: sum('issued'),
      points_redeemed_if_typical: sum('redeemed'),
      points_expired: sum('expired'),
      points_outstanding: outstanding,
      liability: byMonth.at(-1)?.liability ?? 0,
      by_month: byMonth,
      customers_per_tier: Object.fromEntries([...tiers.map((t) => t.name), 'no tier'].map((name) => [name, [...shoppers.values()].filter((s) => (s.tier?.name ?? 'no tier') === name).length])),
    };
  };

  return { add, result };
}

/** The replay of a list of orders in any order (sorted here, oldest first). */
export function backtest(draft: DraftProgram, orders: PastOrder[]) {
  const replay = startReplay(draft);
  for (const o of [...orders].sort((a, b) => a.placed_at.getTime() - b.placed_at.getTime())) replay.add(o);
  return replay.result();
}
