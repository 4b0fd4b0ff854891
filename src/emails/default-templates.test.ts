import { readFileSync } from 'node:fs';
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_KEYS } from './flows.ts';
import { SAMPLE_VARIABLES } from './variables.ts';

const LOCALES = ['en', 'ar', 'fa', 'zh-Hans', 'zh-Hant'] as const;
const FIELDS = ['subject', 'preheader', 'heading', 'body', 'button'] as const;
type Field = (typeof FIELDS)[number];
type Template = Record<Field, string>;

const load = (locale: string): Record<string, Template> => JSON.parse(readFileSync(new URL(`./default-templates/${locale}.json`, import.meta.url), 'utf8'));
const templates = Object.fromEntries(LOCALES.map((locale) => [locale, load(locale)])) as Record<(typeof LOCALES)[number], Record<string, Template>>;

const liquid = new Liquid({ strictVariables: true, strictFilters: true });
// Under strictVariables, `{% if expiring %}` on an absent section throws unless lenientIf is set:
// lenientIf lets the guard itself see "absent" as false, while any use of the section outside a
// guard (and any unknown property or filter) still fails.
const lenient = new Liquid({ strictVariables: true, strictFilters: true, lenientIf: true });

const OPTIONAL_SECTIONS = ['expiring', 'tier', 'reward', 'code', 'order', 'product', 'referred', 'membership'] as const;
const sample = () => structuredClone(SAMPLE_VARIABLES) as unknown as Record<string, unknown>;
const stripped = () => {
  const vars = sample();
  for (const section of OPTIONAL_SECTIONS) delete vars[section];
  vars.rewards = [];
  vars.products = [];
  return vars;
};

const tagsIn = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
const paragraphs = (body: string) => body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
/** The Liquid of a field with its string literals blanked: what must not differ between languages. */
const liquidOf = (source: string) => [...source.matchAll(/\{\{.*?\}\}|\{%.*?%\}/gs)].map((m) => m[0].replace(/"[^"]*"|'[^']*'/g, '""').replace(/\s+/g, ' ')).sort();

const DIRECTION_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

describe.each(LOCALES)('default templates, %s', (locale) => {
  const set = templates[locale];

  it('has exactly the template keys of the flows, each with the five non-empty fields', () => {
    expect(Object.keys(set).sort()).toEqual([...TEMPLATE_KEYS].sort());
    for (const key of TEMPLATE_KEYS) {
      const template = set[key]!;
      expect(Object.keys(template).sort(), key).toEqual([...FIELDS].sort());
      for (const field of FIELDS) {
        expect(typeof template[field], `${key}.${field}`).toBe('string');
        expect(template[field].trim(), `${key}.${field}`).not.toBe('');
      }
    }
  });

  it.each(TEMPLATE_KEYS)('%s parses and renders with the sample data', async (key) => {
    const template = set[key]!;
    for (const field of FIELDS) {
      expect(() => liquid.parse(template[field]), `${key}.${field}`).not.toThrow();
      const out = await liquid.parseAndRender(template[field], sample());
      expect(out.trim(), `${key}.${field}`).not.toBe('');
      expect(out, `${key}.${field}`).not.toMatch(/\{\{|\{%|%\}|\}\}/);
    }
    const subject = (await liquid.parseAndRender(template.subject, sample())).trim();
    expect(subject.length, `${key} subject: ${subject}`).toBeLessThanOrEqual(80);
    const preheader = (await liquid.parseAndRender(template.preheader, sample())).trim();
    expect(preheader.length, `${key} preheader: ${preheader}`).toBeLessThanOrEqual(100);
    const body = await liquid.parseAndRender(template.body, sample());
    expect(new Set(tagsIn(body)), `${key} body tags`).toSatisfy((tags: Set<string>) => [...tags].every((t) => ['strong', 'a', 'br'].includes(t)));
    expect(paragraphs(body).length, `${key} paragraphs`).toBeGreaterThanOrEqual(2);
    expect(paragraphs(body).length, `${key} paragraphs`).toBeLessThanOrEqual(4);
    expect(body, `${key} body`).not.toContain(SAMPLE_VARIABLES.unsubscribe_url);
  });

  it.each(TEMPLATE_KEYS)('%s renders without the optional sections and with no rewards or products', async (key) => {
    const template = set[key]!;
    for (const field of FIELDS) {
      const out = await lenient.parseAndRender(template[field], stripped());
      expect(out.trim(), `${key}.${field}`).not.toBe('');
      expect(out, `${key}.${field}`).not.toMatch(/\{\{|\{%|%\}|\}\}/);
      if (field === 'body') {
        expect(tagsIn(out).every((t) => ['strong', 'a', 'br'].includes(t)), `${key} body tags`).toBe(true);
        expect(paragraphs(out).length, `${key} paragraphs`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('uses the same Liquid as the English source, and no direction marks', () => {
    for (const key of TEMPLATE_KEYS) {
      for (const field of FIELDS) {
        expect(liquidOf(set[key]![field]), `${key}.${field}`).toEqual(liquidOf(templates.en[key]![field]));
        expect(set[key]![field], `${key}.${field}`).not.toMatch(DIRECTION_MARKS);
      }
    }
  });

  it('writes its language with its own letters', () => {
    const text = Object.values(set).flatMap((t) => FIELDS.map((f) => t[f])).join('\n');
    if (locale === 'fa') expect(text).not.toMatch(/[\u064A\u0643]/); // Arabic yeh and kaf
    if (locale === 'ar') expect(text).not.toMatch(/[\u06CC\u06A9]/); // Persian yeh and keheh
  });
});
