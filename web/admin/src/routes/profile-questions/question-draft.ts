// A profile question as the dialog edits it: every language's text as a field (empty: not
// written), options as rows with a key of their own, and the question as the API takes it.
import type { NewProfileQuestion, ProfileQuestion, QuestionType } from '../../hooks/api/profile-questions.ts';

/** The languages shoppers read, English first: the one every other falls back to. */
export const SHOPPER_LOCALES = ['en', 'ar', 'fa', 'zh-Hans', 'zh-Hant'] as const;
export type ShopperLocale = (typeof SHOPPER_LOCALES)[number];
export const QUESTION_TYPES: QuestionType[] = ['single_choice', 'multiple_choice', 'date', 'text'];
export const MAX_OPTIONS = 50;

type Texts = Record<ShopperLocale, string>;
export interface OptionRow {
  key: number;
  value: string;
  label: Texts;
  /** Typed by the merchant: no longer follows the English label. */
  valueTyped: boolean;
}
export interface QuestionDraft {
  id: string | undefined;
  key: string;
  type: QuestionType;
  required: boolean;
  text: Texts;
  options: OptionRow[];
}

const noTexts = (): Texts => ({ en: '', ar: '', fa: '', 'zh-Hans': '', 'zh-Hant': '' });
let nextKey = 0;
export const newOption = (): OptionRow => ({ key: nextKey++, value: '', label: noTexts(), valueTyped: false });
export const isChoice = (type: QuestionType) => type === 'single_choice' || type === 'multiple_choice';

export const EMPTY_DRAFT: QuestionDraft = { id: undefined, key: '', type: 'single_choice', required: false, text: noTexts(), options: [newOption(), newOption()] };

/** An option's value from its English label, as the API takes it: "Espresso machine" → espresso_machine. */
export const valueOf = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);

const textsOf = (text: Partial<Texts> & { en: string }): Texts => ({ ...noTexts(), ...text });

export function draftOf(q: ProfileQuestion): QuestionDraft {
  return {
    id: q.id,
    key: q.key,
    type: q.type,
    required: q.required,
    text: textsOf(q.text as Texts),
    options: q.options.map((o) => ({ key: nextKey++, value: o.value, label: textsOf(o.label as Texts), valueTyped: true })),
  };
}

/** Only the languages written in; options only for a choice question. */
const written = (texts: Texts) => Object.fromEntries(SHOPPER_LOCALES.map((l) => [l, texts[l].trim()]).filter(([, text]) => text !== '')) as NewProfileQuestion['text'];

export function toQuestion(d: QuestionDraft): NewProfileQuestion {
  return {
    key: d.key.trim(),
    type: d.type,
    required: d.required,
    text: written(d.text),
    ...(isChoice(d.type) ? { options: d.options.map((o) => ({ value: o.value.trim(), label: written(o.label) })) } : {}),
  };
}

/** The fields the API's errors may name, each shown beside its input. */
export const FIELDS = [
  'key',
  'type',
  'options',
  ...SHOPPER_LOCALES.map((l) => `text.${l}`),
  ...Array.from({ length: MAX_OPTIONS }, (_, n) => [`options.${n}.value`, ...SHOPPER_LOCALES.map((l) => `options.${n}.label.${l}`)]).flat(),
];
