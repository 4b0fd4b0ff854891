import { Button, CloseButton, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_OPTIONS, newOption, valueOf, type OptionRow, type ShopperLocale } from '../question-draft.ts';

interface OptionFieldsProps {
  locale: ShopperLocale;
  options: OptionRow[];
  onChange: (options: OptionRow[]) => void;
  error: (field: string) => string | undefined;
}

/**
 * A choice question's options in one language: in English each option's value (what answers
 * store; it follows the label until typed) and label, added and taken away; in another language
 * the label of each value.
 */
export function OptionFields({ locale, options, onChange, error }: OptionFieldsProps) {
  const { t } = useTranslation();
  const english = locale === 'en';
  const set = (key: number, change: (o: OptionRow) => OptionRow) => onChange(options.map((o) => (o.key === key ? change(o) : o)));
  const label = (o: OptionRow, text: string) => set(o.key, (x) => ({ ...x, label: { ...x.label, [locale]: text }, ...(english && !x.valueTyped ? { value: valueOf(text) } : {}) }));
  return (
    <Stack gap="xs" mt="md" role="group" aria-labelledby={`options-${locale}`}>
      <Text fw={600} size="sm" id={`options-${locale}`}>
        {t('profileQuestions.options')}
      </Text>
      {options.map((o, n) => (
        <Group key={o.key} align="flex-start" wrap="nowrap" gap="xs">
          <TextInput
            style={{ flex: 2 }}
            label={t('profileQuestions.optionLabel', { number: n + 1 })}
            required={english}
            maxLength={100}
            lang={locale}
            dir={locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'}
            value={o.label[locale]}
            onChange={(e) => label(o, e.currentTarget.value)}
            error={error(`options.${n}.label.${locale}`)}
            placeholder={english ? undefined : o.label.en}
            description={english ? undefined : <Code dir="ltr">{o.value}</Code>}
          />
          {english && (
            <TextInput style={{ flex: 1 }} label={t('profileQuestions.optionValue', { number: n + 1 })} required maxLength={64} dir="ltr" value={o.value} onChange={(e) => set(o.key, (x) => ({ ...x, value: e.currentTarget.value, valueTyped: true }))} error={error(`options.${n}.value`)} />
          )}
          {english && <CloseButton mt={26} aria-label={t('profileQuestions.removeOption', { number: n + 1 })} disabled={options.length <= 2} onClick={() => onChange(options.filter((x) => x.key !== o.key))} />}
        </Group>
      ))}
      {english && error('options') && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {error('options')}
        </Text>
      )}
      {english && (
        <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }} disabled={options.length >= MAX_OPTIONS} onClick={() => onChange([...options, newOption()])}>
          {t('profileQuestions.addOption')}
        </Button>
      )}
    </Stack>
  );
}
