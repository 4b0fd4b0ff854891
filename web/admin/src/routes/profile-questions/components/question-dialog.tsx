import { Checkbox, NativeSelect, SimpleGrid, Tabs, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { useSaveProfileQuestion, type QuestionType } from '../../../hooks/api/profile-questions.ts';
import { useFormDialog } from '../../../hooks/use-form-dialog.ts';
import { EMPTY_DRAFT, FIELDS, isChoice, QUESTION_TYPES, SHOPPER_LOCALES, toQuestion, type ShopperLocale } from '../question-draft.ts';
import { OptionFields } from './option-fields.tsx';

/** Each language under its own name, as its readers write it. */
export const LOCALE_NAMES: Record<ShopperLocale, string> = { en: 'English', ar: 'العربية', fa: 'فارسی', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

/** The dialog's state, for the page that opens it (new, or on a question to change). */
export function useQuestionForm() {
  const save = useSaveProfileQuestion();
  const form = useFormDialog(EMPTY_DRAFT, save, (draft) => ({ id: draft.id, question: toQuestion(draft) }), FIELDS);
  return form;
}
export type QuestionForm = ReturnType<typeof useQuestionForm>;

/**
 * A question being asked or changed: its key and type (fixed once it exists), whether a complete
 * profile needs it, and in each language the question and its options' labels (English required).
 */
export function QuestionDialog({ form }: { form: QuestionForm }) {
  const { t } = useTranslation();
  const { draft, change, error, dialog } = form;
  const [locale, setLocale] = useState<ShopperLocale>('en');
  const editing = draft.id !== undefined;
  // A tab whose fields the API refused is marked, so an error in another language is found.
  const hasError = (l: ShopperLocale) => Boolean(error(`text.${l}`) || draft.options.some((_, n) => error(`options.${n}.label.${l}`) || (l === 'en' && (error(`options.${n}.value`) || error('options')))));
  const close = () => {
    setLocale('en');
    dialog.onClose();
  };
  return (
    <FormDialog {...dialog} onClose={close} title={t(editing ? 'profileQuestions.editTitle' : 'profileQuestions.newTitle')} submitLabel={t(editing ? 'profileQuestions.save' : 'profileQuestions.create')} size="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('profileQuestions.key')} description={t('profileQuestions.keyHint')} required disabled={editing} maxLength={40} dir="ltr" value={draft.key} onChange={(e) => change('key')(e.currentTarget.value)} error={error('key')} data-autofocus />
        <NativeSelect label={t('profileQuestions.type')} description={editing ? t('profileQuestions.typeFixed') : t('profileQuestions.typeHint')} disabled={editing} value={draft.type} onChange={(e) => change('type')(e.currentTarget.value as QuestionType)} error={error('type')} data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`profileQuestions.types.${type}`) }))} />
      </SimpleGrid>
      <Checkbox label={t('profileQuestions.required')} description={t('profileQuestions.requiredHint')} checked={draft.required} onChange={(e) => change('required')(e.currentTarget.checked)} />
      <Tabs value={locale} onChange={(value) => value && setLocale(value as ShopperLocale)} keepMounted={false}>
        <Tabs.List aria-label={t('profileQuestions.languages')}>
          {SHOPPER_LOCALES.map((l) => (
            <Tabs.Tab key={l} value={l} lang={l} c={hasError(l) ? 'red' : undefined}>
              {LOCALE_NAMES[l]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SHOPPER_LOCALES.map((l) => (
          <Tabs.Panel key={l} value={l} pt="sm">
            <TextInput
              label={t('profileQuestions.text', { language: LOCALE_NAMES[l] })}
              description={l === 'en' ? t('profileQuestions.textHint') : t('profileQuestions.translationHint')}
              required={l === 'en'}
              maxLength={300}
              lang={l}
              dir={l === 'ar' || l === 'fa' ? 'rtl' : 'ltr'}
              value={draft.text[l]}
              onChange={(e) => change('text')({ ...draft.text, [l]: e.currentTarget.value })}
              error={error(`text.${l}`)}
            />
            {isChoice(draft.type) && <OptionFields locale={l} options={draft.options} onChange={change('options')} error={error} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </FormDialog>
  );
}
