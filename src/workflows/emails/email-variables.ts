import type { CustomerRow } from '../../customers/customer-store.ts';
import type { EmailMessage } from '../../emails/email-store.ts';
import type { EmailVariables } from '../../emails/variables.ts';
import type { Deps } from '../../platform/deps.ts';
import { minorPerUnit } from '../../platform/money.ts';
import { zoneOrUtc } from '../../platform/time-zone.ts';
import { getRedemption } from '../../redemptions/redemption-store.ts';
import { referralCodeOf } from '../../referrals/referral-store.ts';
import { recommendFor } from '../../recommendations/recommend.ts';
import { listRewards } from '../../rewards/reward-store.ts';
import { surveyToken } from '../../surveys/survey-token.ts';
import { getTier } from '../../tiers/tier-store.ts';
import type { Locale } from '../../storefront/locales.ts';
import { customerProfile } from '../customer-profile.ts';

export interface EmailProgram {
  id: string;
  name: string;
  currency: string;
  tier_metric: string;
  store_url: string | null;
  review_url: string | null;
  signup_url: string | null;
}

/** Figures and dates as the customer reads them: their locale's digits, the store's currency, their time zone. */
export function formatters(locale: Locale, currency: string, timeZone: string | null) {
  const numbers = new Intl.NumberFormat(locale);
  const digits = Math.round(Math.log10(minorPerUnit(currency)));
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zoneOrUtc(timeZone) });
  return { number: (n: number) => numbers.format(n), money: (minor: number) => money.format(minor / 10 ** digits), date: (d: Date | string) => dates.format(new Date(d)) };
}

const DAY_MS = 86_400_000;

/** The survey flow's emails, and a survey campaign's, ask the 0–10 question. */
const asksSurvey = (message: EmailMessage) => message.flow === 'survey' || message.context.survey === 1;

/** The button of each flow: the store, its review page, its sign-up page, or the product running out. */
function actionUrl(program: EmailProgram, message: EmailMessage, base: string): string {
  const store = program.store_url ?? base;
  if (message.flow === 'review_request') return program.review_url ?? store;
  if (message.flow === 'guest_claim') return program.signup_url ?? store;
  if (message.flow === 'campaign' && typeof message.context.button_url === 'string') return message.context.button_url;
  if (message.flow === 'replenishment' && typeof message.context.product_url === 'string') return message.context.product_url;
  return store;
}

/** Everything a template may say about this customer and this message (see emails/variables.ts). */
export async function emailVariables(deps: Deps, program: EmailProgram, customer: CustomerRow, message: EmailMessage, locale: Locale, links: { base: string; unsubscribeUrl: string }): Promise<EmailVariables> {
  const f = formatters(locale, program.currency, customer.time_zone);
  const now = deps.clock.now();
  const [profile, rewards, code, picks] = await Promise.all([
    customerProfile(deps, program.id, customer.id),
    listRewards(deps.db, program.id, { status: 'active', limit: 100 }),
    referralCodeOf(deps.db, program.id, customer.id),
    recommendFor(deps.db, program.id, customer.id, 3, now),
  ]);
  const affordable = rewards
    .filter((r) => r.points_cost !== undefined && r.points_cost <= customer.points_available)
    .sort((a, b) => a.points_cost! - b.points_cost!)
    .slice(0, 5)
    .map((r) => ({ name: r.name, points_cost: f.number(r.points_cost!) }));
  const next = profile.points_expiry.next;
  const ctx = message.context;
  const vars: EmailVariables = {
    customer: { first_name: customer.first_name ?? '', last_name: customer.last_name ?? '', email: customer.email ?? '' },
    program: { name: program.name, store_url: program.store_url ?? links.base },
    points: { balance: f.number(customer.points_available), pending: f.number(customer.points_pending), earned_lifetime: f.number(customer.points_earned_lifetime) },
    rewards: affordable,
    products: picks.map((p) => ({ title: p.title ?? p.product_id, url: p.url ?? program.store_url ?? links.base })),
    referral: { link: `${links.base}/r/${encodeURIComponent(code)}`, advocate_reward: '', friend_reward: '' },
    profile: profile.profile,
    action_url: actionUrl(program, message, links.base),
    unsubscribe_url: links.unsubscribeUrl,
  };
  if (next) vars.expiring = { points: f.number(typeof ctx.points === 'number' ? ctx.points : next.points), date: f.date(typeof ctx.expires_at === 'string' ? ctx.expires_at : next.expires_at), days: f.number(Math.max(0, Math.ceil((new Date(typeof ctx.expires_at === 'string' ? ctx.expires_at : next.expires_at).getTime() - now.getTime()) / DAY_MS))) };
  if (profile.tier) {
    const p = profile.tier_progress;
    // A tier's figures are in what the program's tiers measure: money spent, orders, or points.
    const inMetric = (n: number) => (program.tier_metric === 'amount_spent' ? f.money(n) : f.number(n));
    // What keeps the tier (tier_will_downgrade): its retention threshold less what the customer has.
    const held = typeof ctx.tier_id === 'string' && ctx.tier_id ? await getTier(deps.db, program.id, ctx.tier_id).catch(() => undefined) : undefined;
    const keep = held ? inMetric(Math.max(0, (held.retain_threshold ?? held.threshold) - Number(ctx.metric_value ?? 0))) : '';
    vars.tier = { name: profile.tier.name, next_name: p?.next_tier_name ?? '', to_next: p ? inMetric(p.needed) : '', keep, review_date: profile.tier.downgrade_on ? f.date(profile.tier.downgrade_on) : '' };
  }
  if (typeof ctx.order_points === 'number') vars.order = { number: String(ctx.order_number ?? ''), total: typeof ctx.order_total === 'number' ? f.money(ctx.order_total) : '', points_earned: f.number(ctx.order_points) };
  if (typeof ctx.redemption_id === 'string') {
    const redemption = await getRedemption(deps.db, program.id, ctx.redemption_id);
    const reward = rewards.find((r) => r.id === redemption.reward_id);
    vars.code = { code: redemption.code ?? '', reward_name: reward?.name ?? '', expires_at: redemption.expires_at ? f.date(redemption.expires_at) : '' };
  }
  if (typeof ctx.reward_name === 'string') vars.reward = { name: ctx.reward_name, points_cost: f.number(Number(ctx.reward_points_cost ?? 0)) };
  if (typeof ctx.product_title === 'string') vars.product = { title: ctx.product_title, url: String(ctx.product_url ?? vars.action_url) };
  if (typeof ctx.referral_points === 'number') vars.referred = { points: f.number(ctx.referral_points) };
  if (typeof ctx.plan_name === 'string') vars.membership = { plan_name: ctx.plan_name, renews_on: typeof ctx.renews_on === 'string' ? f.date(ctx.renews_on) : '', price: typeof ctx.price === 'number' ? f.money(ctx.price) : '' };
  if (asksSurvey(message)) {
    const url = `${links.base}/s/${surveyToken(deps.secrets, message.id)}`;
    vars.survey = { url, scores: Array.from({ length: 11 }, (_, n) => ({ score: f.number(n), url: `${url}?score=${n}` })) };
    vars.action_url = url;
  }
  if (typeof ctx.gift_reason === 'string') vars.gift = { points: typeof ctx.gift_points === 'number' ? f.number(ctx.gift_points) : '', reward_name: String(ctx.gift_reward_name ?? ''), reason: ctx.gift_reason };
  return vars;
}
