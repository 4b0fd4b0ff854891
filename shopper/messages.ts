/**
 * What shoppers read, in one place for the engine's hosted pages and the widget: the message
 * catalogs in locales/ (one JSON file per locale; a new language is one new file) and how a
 * message is filled in. Plain TypeScript with no imports, so both sides can bundle it.
 */
export const LOCALES = ['en', 'ar', 'fa', 'zh-Hans', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];
export type Messages = Record<string, string>;

/** Written right to left. */
export const RTL: ReadonlySet<string> = new Set(['ar', 'fa']);

/** The closest supported locale to what a page or a browser asks for ("ar-EG" → ar, "zh-TW" → zh-Hant), if any. */
export function matchLocale(...asked: (string | undefined | null)[]): Locale | undefined {
  for (const tag of asked.flatMap((a) => (a ?? '').split(',').map((s) => s.split(';')[0]!.trim())).filter(Boolean)) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return /hant|tw|hk|mo/.test(lower) ? 'zh-Hant' : 'zh-Hans';
    const found = LOCALES.find((l) => l.toLowerCase() === lower.split(/[-_]/)[0]);
    if (found) return found;
  }
  return undefined;
}

/** The same, English when nothing matches. */
export const pickLocale = (...asked: (string | undefined | null)[]): Locale => matchLocale(...asked) ?? 'en';

/**
 * A message with its {placeholders} filled, numbers in the locale's digits. A message that
 * depends on a count ({count}, else {points}) has one text per plural category of the language (`balance.points|one`,
 * `…|few`, `…|other`: Arabic has six); English fills a gap, and a missing id shows as itself.
 */
export function format(messages: Messages, id: string, values: Record<string, string | number> = {}, locale: string = 'en'): string {
  const count = [values.count, values.points].find((v) => typeof v === 'number');
  const plural = count === undefined ? undefined : (messages[`${id}|${new Intl.PluralRules(locale).select(count)}`] ?? messages[`${id}|other`]);
  const text = messages[id] ?? plural ?? id;
  const numbers = new Intl.NumberFormat(locale);
  // In a right-to-left sentence a name or an amount written left to right ("$5 off") is isolated,
  // or the bidi algorithm reorders it with the words around it.
  const isolate = RTL.has(locale) ? (s: string) => `\u2068${s}\u2069` : (s: string) => s;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : isolate(value);
  });
}
