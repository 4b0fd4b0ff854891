// A segment's conditions in the merchant's words, for the list: "Bought from beans in the last
// 90 days · At least 2 orders". Identifiers (tags, product ids, collections) stay isolated, so each
// keeps its own direction inside an Arabic sentence.
import i18n, { type TFunction } from 'i18next';
import type { ConditionOf, Segment, SegmentCondition } from '../../hooks/api/segments.ts';
import { formatMoney, formatNumber, isolate } from '../../lib/format.ts';

interface Context {
  t: TFunction;
  /** A tier's name by its id (an unknown one is shown as its id). */
  tierName: (id: string) => string | undefined;
  currency: string;
  /** The profile question a condition names, with its text and options' labels in the dashboard's language. */
  question?: (c: ConditionOf<'profile_answer'>) => { text: string; label: (value: string) => string } | undefined;
}

/** "a, b or c", in the dashboard's language. */
const either = (items: string[]) => new Intl.ListFormat(i18n.language === 'ar' ? 'ar' : 'en', { type: 'disjunction' }).format(items);
/** Identifiers, each isolated, with hyphens that do not break a line ("house-blend-1kg" stays whole). */
const ids = (items: readonly string[] | undefined) => either((items ?? []).map((id) => isolate(id.replaceAll('-', '\u2011'))));

type Range = { at_least?: number; at_most?: number };

/** At least, at most or between, with the keys of one kind (`segments.summary.ordersAtLeast`…) and how it writes an amount. */
function range(c: Range, kind: 'orders' | 'spent' | 'points' | 'pAlive', amount: (n: number) => string, t: TFunction): string {
  const key = `segments.summary.${kind}`;
  if (c.at_least !== undefined && c.at_most !== undefined) return t(`${key}Between`, { from: amount(c.at_least), to: amount(c.at_most) });
  const n = c.at_least ?? c.at_most ?? 0;
  return t(c.at_least !== undefined ? `${key}AtLeast` : `${key}AtMost`, { count: n, formatted: amount(n) });
}

/** The words of a condition over a period, with the period when it has one. */
function within(what: string, days: number | undefined, t: TFunction): string {
  return days === undefined ? what : t('segments.summary.within', { what, count: days, formatted: formatNumber(days) });
}

function bought(c: Extract<SegmentCondition, { type: 'bought' }>, t: TFunction): string {
  const products = c.product_ids?.length ? ids(c.product_ids) : null;
  const collections = c.collections?.length ? ids(c.collections) : null;
  if (products && collections) return t('segments.summary.boughtEither', { products, collections });
  return products ? t('segments.summary.boughtProducts', { products }) : t('segments.summary.boughtFrom', { collections: collections ?? '' });
}

export function describeCondition(c: SegmentCondition, { t, tierName, currency, question }: Context): string {
  switch (c.type) {
    case 'tier':
      return t('segments.summary.tier', { tiers: either(c.tier_ids.map((id) => (id === 'none' ? t('customers.noTier') : (tierName(id) ?? isolate(id))))) });
    case 'rfm_segment':
      return t('segments.summary.rfm', { segments: either(c.in.map((s) => t(`analytics.segments.${s}`))) });
    case 'lifecycle_stage':
      return t('segments.summary.stage', { stages: either(c.in.map((s) => t(`stages.${s}`))) });
    case 'tags':
      return t('segments.summary.tags', { tags: ids(c.any_of) });
    case 'orders':
      return within(c.at_most === 0 && !c.at_least ? t('segments.summary.noOrders') : range(c, 'orders', formatNumber, t), c.within_days, t);
    case 'spend':
      return within(range(c, 'spent', (n) => isolate(formatMoney(n, currency)), t), c.within_days, t);
    case 'bought':
      return within(bought(c, t), c.within_days, t);
    case 'points_balance':
      return range(c, 'points', formatNumber, t);
    case 'locale':
      return t('segments.summary.locale', { locales: either(c.in.map((l) => t(`emails.locales.${l}`))) });
    case 'holdout':
      return t(c.in_holdout ? 'segments.summary.inHoldout' : 'segments.summary.notInHoldout');
    case 'profile_answer':
      return profileAnswer(c, question?.(c), t);
    case 'predicted_clv':
      return t('segments.summary.clv', { deciles: either(c.deciles.map((d) => t('segments.fields.decile', { from: formatNumber((d - 1) * 10), to: formatNumber(d * 10) }))) });
    case 'p_alive':
      return range(c, 'pAlive', (n) => `${formatNumber(Math.round(n * 100))}%`, t);
  }
}

/** "Skin type: Dry or Oily", "Answered Skin type"; a question not found shows its key or id. */
function profileAnswer(c: ConditionOf<'profile_answer'>, q: { text: string; label: (value: string) => string } | undefined, t: TFunction): string {
  const name = q ? isolate(q.text) : ids([c.key ?? c.question_id ?? '']);
  const values = either((c.values ?? []).map((v) => isolate(q ? q.label(v) : v)));
  const key = { is: 'profileIs', is_not: 'profileIsNot', includes: 'profileIncludes', answered: 'profileAnswered', not_answered: 'profileNotAnswered' }[c.op];
  return t(`segments.summary.${key}`, { question: name, values });
}

/** Every condition, one after the other; with none, everyone. */
export function describeSegment(segment: Pick<Segment, 'match' | 'conditions'>, context: Context): string {
  if (segment.conditions.length === 0) return context.t('segments.summary.everyone');
  const parts = segment.conditions.map((c) => describeCondition(c, context));
  return segment.match === 'all' || parts.length === 1 ? parts.join(' · ') : context.t('segments.summary.anyOf', { conditions: parts.join(' · ') });
}
