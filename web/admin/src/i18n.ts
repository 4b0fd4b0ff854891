// The dashboard's languages: English and Arabic (right to left). The choice is kept in
// localStorage and set on <html> (lang, dir) so the browser, screen readers and Mantine agree.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'regulars.admin.language';

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'ar') return stored;
  return navigator.language.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export const directionOf = (language: string): 'ltr' | 'rtl' => (language === 'ar' ? 'rtl' : 'ltr');

function applyToDocument(language: string) {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

// Each language is its own chunk: the dashboard loads only the one it shows.
const bundles: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./messages/en.json'),
  ar: () => import('./messages/ar.json'),
};

async function load(language: Language) {
  if (!i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', (await bundles[language]()).default);
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await load(language);
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', applyToDocument);

const initial = storedLanguage();
await i18n.use(initReactI18next).init({
  resources: {},
  lng: initial,
  // Arabic is complete (messages.test.ts checks it), so nothing falls back: no second bundle to load.
  fallbackLng: false,
  interpolation: { escapeValue: false },
});
await load(initial);
applyToDocument(i18n.language);

export default i18n;
