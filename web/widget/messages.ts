import en from '../../shopper/locales/en.json';
import { matchLocale, RTL, type Locale, type Messages } from '../../shopper/messages.ts';
import { wordsFor, type Words } from '../../shopper/program-words.ts';

export { matchLocale, RTL, type Locale };

/** English ships in the widget; every other language is its own small file, fetched when a page asks for it. */
const catalogs: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = {
  ar: () => import('../../shopper/locales/ar.json'),
  fa: () => import('../../shopper/locales/fa.json'),
  'zh-Hans': () => import('../../shopper/locales/zh-Hans.json'),
  'zh-Hant': () => import('../../shopper/locales/zh-Hant.json'),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'en' ? en : { ...en, ...(await catalogs[locale]()).default };
}

/** The built-in texts with the merchant's own over them (program settings, per locale). */
export function wordsOf(locale: Locale, messages: Messages, overrides: Record<string, Record<string, string>> | undefined): Words {
  return wordsFor({ ...messages, ...(overrides?.[locale] ?? {}) }, locale);
}
