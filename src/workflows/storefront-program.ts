import { listChallenges } from '../challenges/challenge-store.ts';
import { activeEarningRules } from '../earning/rule-store.ts';
import type { EarningRule } from '../earning/rules.ts';
import { listPlans } from '../memberships/membership-store.ts';
import type { Db } from '../platform/db/database.ts';
import { programCache } from '../platform/program-cache.ts';
import { listRewards, type StoredReward } from '../rewards/reward-store.ts';
import { listStampCards } from '../stamp-cards/stamp-card-store.ts';
import { listTiers } from '../tiers/tier-store.ts';
import { referralSettings } from './friend-referred.ts';

/** Actions a shopper may claim from the widget, under the rule's limits; the rest come from the store. */
export const CLAIMABLE = new Set(['social_follow', 'newsletter_signup', 'birthday']);

/**
 * What the storefront shows of a program to anyone, signed in or not: how to earn, what points
 * buy, the tiers, the referral offer, the paid plans, the texts and the theme. Read often and
 * changed rarely, so kept a few seconds per program and instance.
 */
export const storefrontProgram = programCache(5_000, async (db: Db, programId: string) => {
  const program = await db.selectFrom('programs').selectAll().where('id', '=', programId).executeTakeFirstOrThrow();
  const [rules, rewards, tiers, referral, plans, cards, challenges] = await Promise.all([
    activeEarningRules(db, programId),
    listRewards(db, programId, { status: 'active', limit: 100 }),
    listTiers(db, programId),
    referralSettings(db, programId),
    listPlans(db, programId),
    listStampCards(db, programId),
    listChallenges(db, programId),
  ]);
  const rewardName = (id: string | null) => (id ? (rewards.find((r) => r.id === id)?.name ?? null) : null);
  return {
    object: 'storefront_program' as const,
    name: program.name,
    slug: program.slug,
    currency: program.currency,
    default_locale: program.default_locale,
    signup_url: program.signup_url,
    login_url: program.login_url,
    store_url: program.store_url,
    theme: program.widget_theme,
    texts: program.widget_texts,
    ways_to_earn: rules.filter((r) => r.type !== 'multiplier' || r.multiplier).map(wayToEarn),
    rewards: rewards.slice(0, 100).map(presentReward),
    tiers: tiers.filter((t) => t.status === 'active').map((t) => ({ id: t.id, name: t.name, threshold: t.threshold, multiplier: t.multiplier_hundredths / 100, perks: t.perks })),
    tier_metric: program.tier_metric,
    referral: {
      friend_reward: rewardName(referral.referral_friend_reward_id),
      advocate_reward: rewardName(referral.referral_advocate_reward_id),
      advocate_points: referral.referral_advocate_points,
    },
    membership_plans: plans.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name, price: p.price_minor, interval: p.interval, perks: p.perks, earn_multiplier: p.multiplier_hundredths / 100, join_url: p.join_url })),
    stamp_cards: cards.filter((c) => c.active).map((c) => ({ id: c.id, name: c.name, stamps_required: c.stamps_required })),
    challenges: challenges.filter((c) => c.active).map((c) => ({ id: c.id, name: c.name, goal: c.goal, target: c.target, points: c.points })),
  };
});

export type StorefrontProgram = Awaited<ReturnType<typeof storefrontProgram.get>>;

function wayToEarn(rule: EarningRule) {
  return {
    id: rule.id,
    name: rule.name,
    type: rule.type,
    event_type: rule.event_type ?? null,
    network: rule.network ?? null,
    points: rule.points ?? null,
    unit_amount: rule.type === 'points_per_unit' ? (rule.unit_amount ?? null) : null,
    multiplier: rule.multiplier ?? null,
    limit: rule.limit ?? null,
    ends_at: rule.ends_at ?? null,
    claimable: rule.type === 'action' && CLAIMABLE.has(rule.event_type ?? ''),
  };
}

function presentReward(reward: StoredReward) {
  return {
    id: reward.id,
    name: reward.name,
    type: reward.type,
    description: reward.description ?? null,
    points_cost: reward.points_cost ?? null,
    points_per_unit: reward.points_per_unit ?? null,
    unit_amount: reward.unit_amount ?? null,
    min_points: reward.min_points ?? null,
    max_points: reward.max_points ?? null,
    amount: reward.amount ?? null,
    percent: reward.percent ?? null,
    min_subtotal: reward.min_subtotal ?? null,
    min_tier_id: reward.min_tier_id ?? null,
  };
}
