import { Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';

/** A recalculation's progress, as a bar and a sentence, until it is done. */
export function RecalculationProgress({ processed, customers, done }: { processed: number; customers: number; done: boolean }) {
  const { t } = useTranslation();
  const share = customers > 0 ? Math.round((processed / customers) * 100) : 100;
  return (
    <div role="status" aria-live="polite">
      <Progress value={done ? 100 : share} aria-label={t('tiers.progress')} mb={4} />
      <Text size="sm">{done ? t('tiers.recalculated', { count: customers, formatted: formatNumber(customers) }) : t('tiers.recalculating', { processed: formatNumber(processed), customers: formatNumber(customers) })}</Text>
    </div>
  );
}
