import { format, type Messages } from './messages.ts';

/**
 * A program in the shopper's words, for the hosted pages (rendered by the engine) and the widget
 * (rendered in the browser) alike: what a way to earn gives, what a reward costs and is worth.
 * The shapes are the parts of GET /storefront/v1/program these need.
 */
export interface Words {
  locale: string;
  t(id: string, values?: Record<string, string | number>): string;
  money(minor: number, currency: string): string;
  date(iso: string): string;
  number(n: number): string;
}

export function wordsFor(messages: Messages, locale: string): Words {
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale);
  return {
    locale,
    t: (id, values) => format(messages, id, values, locale),
    money: (minor, currency) => {
      const style = new Intl.NumberFormat(locale, { style: 'currency', currency });
      return style.format(minor / 10 ** (style.resolvedOptions().maximumFractionDigits ?? 2));
    },
    date: (iso) => dates.format(new Date(iso)),
    number: (n) => numbers.format(n),
  };
}

export interface WayToEarn {
  name: string;
  type: string;
  event_type: string | null;
  network: string | null;
  points: number | null;
  unit_amount: number | null;
  multiplier: number | null;
  limit: { count: number; period: string } | null;
}

/** "5 points for every $1.00 spent", "Follow us on instagram", … */
export function wayToEarnTitle(way: WayToEarn, w: Words, currency: string): string {
  const points = way.points ?? 0;
  if (way.type === 'points_per_unit') return w.t('earn.per_unit', { points, amount: w.money(way.unit_amount ?? 100, currency) });
  if (way.type === 'fixed_per_order') return w.t('earn.per_order', { points });
  if (way.type === 'multiplier') return `${way.name}: ${w.t('earn.multiplier', { multiplier: way.multiplier ?? 1 })}`;
  const known: Record<string, string> = { social_follow: 'earn.social_follow', newsletter_signup: 'earn.newsletter_signup', birthday: 'earn.birthday', signup: 'earn.signup', review: 'earn.review', profile_completed: 'earn.profile_completed', survey_answered: 'earn.survey_answered' };
  const id = known[way.event_type ?? ''];
  return id ? w.t(id, { network: way.network ?? '' }) : way.name;
}

/** "50 points · up to 3 per month" for an action; nothing more for purchase rules (the title says it). */
export function wayToEarnDetail(way: WayToEarn, w: Words): string {
  if (way.type !== 'action') return '';
  const parts = [w.t('earn.points', { points: way.points ?? 0 })];
  if (way.limit) parts.push(way.limit.period === 'lifetime' && way.limit.count === 1 ? w.t('earn.once') : w.t('earn.limit', { count: way.limit.count, period: w.t(`period.${way.limit.period}`) }));
  return parts.join(' · ');
}

export interface RewardOffer {
  name: string;
  points_cost: number | null;
  points_per_unit: number | null;
  unit_amount: number | null;
}

/** "500 points", or "100 points = $1.00" for pay-with-points rewards. */
export function rewardCost(reward: RewardOffer, w: Words, currency: string): string {
  if (reward.points_cost !== null) return w.t('rewards.cost', { count: reward.points_cost });
  return w.t('rewards.per_unit', { points: reward.points_per_unit ?? 0, amount: w.money(reward.unit_amount ?? 100, currency) });
}

/** The threshold of a tier in words: "From 500 points", "From $1,000.00 spent". */
export function tierThreshold(metric: string, threshold: number, w: Words, currency: string): string {
  const value = metric === 'amount_spent' ? w.money(threshold, currency) : threshold;
  return w.t(`tiers.from.${metric}`, { value });
}
