// Every string of the dashboard is an i18n key: English and Arabic must have the same keys (plural
// forms aside, since Arabic has six), and every key the code names must exist.
import { describe, expect, test } from 'vitest';
import ar from './src/messages/ar.json';
import en from './src/messages/en.json';
import { PERIODS } from './src/lib/period.ts';
import { ROLES } from './src/lib/roles.ts';
import { RFM_SEGMENTS } from './src/lib/rfm.ts';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}
const base = (tree: Tree) => [...new Set(keys(tree).map((k) => k.replace(PLURAL, '')))].sort();

const sources = import.meta.glob<string>('./src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

describe('admin messages', () => {
  test('English and Arabic have the same keys', () => {
    expect(base(ar as Tree)).toEqual(base(en as Tree));
  });

  test('a plural in English has every Arabic plural form', () => {
    const plurals = [...new Set(keys(en as Tree).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
    const arabic = new Set(keys(ar as Tree));
    for (const key of plurals) for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(arabic, `${key}_${form}`).toContain(`${key}_${form}`);
  });

  test('every key the code names exists', () => {
    const known = new Set(base(en as Tree));
    // Any quoted 'section.key' whose section is one of the messages' sections, wherever it is written.
    const sections = new Set(Object.keys(en));
    const named = Object.values(sources).flatMap((text) => [...text.matchAll(/'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)].map((m) => m[1]!).filter((key) => sections.has(key.split('.')[0]!)));
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((key) => !known.has(key))).toEqual([]);
  });

  test('the keys the code builds from values exist', () => {
    const known = new Set(base(en as Tree));
    const built = [
      ...ROLES.map((r) => `roles.${r}`),
      ...PERIODS.map((p) => `period.${p}`),
      ...['new', 'one_time', 'repeat', 'loyal', 'at_risk', 'lapsed'].map((s) => `stages.${s}`),
      ...['setup', 'invite', 'reset'].flatMap((p) => ['title', 'intro', 'submit'].map((k) => `setup.${p}.${k}`)),
      ...['reserved', 'used', 'voided', 'expired'].map((s) => `redemptions.statuses.${s}`),
      ...['plain', 'smile', 'loyaltylion'].map((f) => `imports.formats.${f}`),
      ...RFM_SEGMENTS.map((s) => `analytics.segments.${s}`),
      ...['points_per_unit', 'fixed_per_order', 'multiplier', 'action'].map((type) => `rule.types.${type}`),
      ...['points_earned', 'amount_spent', 'orders_count'].map((m) => `tiers.metrics.${m}`),
      ...['same_customer', 'same_email', 'not_new_customer', 'same_ip', 'same_device', 'ip_velocity', 'same_shipping_address', 'advocate_placed_order'].map((f) => `referrals.flagNames.${f}`),
      ...['earning', 'rewards', 'widget', 'tiers', 'referrals', 'store'].map((step) => `checklist.${step}.title`),
      ...['none', 'fixed', 'inactivity'].map((e) => `programSettings.expiryPolicies.${e}`),
      ...['fixed', 'inactivity'].map((e) => `customer.expiryPolicy.${e}`),
      ...['order', 'item'].map((p) => `engagement.per.${p}`),
      ...['orders', 'event', 'collections'].map((g) => `engagement.goals.${g}`),
      ...['month', 'year', 'fixed'].map((i) => `engagement.intervals.${i}`),
      ...['active', 'disabled'].map((s) => `connections.statuses.${s}`),
      ...['shopify', 'woocommerce'].map((p) => `connections.platforms.${p}`),
      ...['single_choice', 'multiple_choice', 'date', 'text'].map((type) => `profileQuestions.types.${type}`),
      ...['is', 'is_not', 'includes', 'answered', 'not_answered'].map((op) => `segments.ops.${op}`),
      ...['profileIs', 'profileIsNot', 'profileIncludes', 'profileAnswered', 'profileNotAnswered'].map((key) => `segments.summary.${key}`),
      ...['qualified', 'period_ended', 'refund', 'recalculation', 'imported'].map((r) => `customer.tierReasons.${r}`),
    ];
    expect(built.filter((key) => !known.has(key))).toEqual([]);
  });
});
