import { Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Benefits in words, one per line (what the widget lists), as the API's array. */
export function PerksInput({ value, onChange, error }: { value: string; onChange: (text: string) => void; error?: ReactNode }) {
  const { t } = useTranslation();
  return <Textarea label={t('engagementForm.perks')} description={t('engagementForm.perksHint')} autosize minRows={2} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}

export const perkList = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
