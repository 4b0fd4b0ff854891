import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale, type Messages } from '../../shopper/messages.ts';

export { format, LOCALES, matchLocale, pickLocale, RTL, type Locale, type Messages } from '../../shopper/messages.ts';

const root = path.resolve(import.meta.dirname, '../../shopper/locales');
const catalogs = new Map<Locale, Messages>(LOCALES.map((l) => [l, JSON.parse(readFileSync(path.join(root, `${l}.json`), 'utf8')) as Messages]));

/** The built-in texts of a locale with the merchant's own over them (PATCH /v1/program widget_texts). */
export function messagesFor(locale: Locale, overrides: Record<string, Record<string, string>> = {}): Messages {
  return { ...catalogs.get('en'), ...catalogs.get(locale), ...(overrides[locale] ?? {}) };
}
