import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSegments } from '../../../hooks/api/segments.ts';

/** The dates of the answers (both days included) and, for the figures, one saved segment's customers. */
export function SurveyFilters({ shown, segmentId, onChange }: { shown: { from: string; to: string }; segmentId: string | null; onChange: (next: { from?: string; to?: string; segment?: string }) => void }) {
  const { t } = useTranslation();
  const segments = useSegments().data?.data ?? [];
  const backwards = shown.from > shown.to;
  const day = (key: 'from' | 'to') => (e: React.ChangeEvent<HTMLInputElement>) => e.currentTarget.value && onChange({ [key]: e.currentTarget.value });
  return (
    <Group align="flex-start" gap="sm" role="group" aria-label={t('surveys.filters')}>
      <TextInput type="date" label={t('surveys.from')} value={shown.from} max={shown.to} onChange={day('from')} w={170} />
      <TextInput type="date" label={t('surveys.to')} value={shown.to} min={shown.from} onChange={day('to')} error={backwards ? t('surveys.backwards') : undefined} w={170} />
      <NativeSelect
        label={t('surveys.segment')}
        value={segmentId ?? ''}
        onChange={(e) => onChange({ segment: e.currentTarget.value })}
        data={[{ value: '', label: t('surveys.allCustomers') }, ...segments.map((s) => ({ value: s.id, label: s.name }))]}
        style={{ flex: '1 1 14rem', maxWidth: '24rem' }}
      />
    </Group>
  );
}
