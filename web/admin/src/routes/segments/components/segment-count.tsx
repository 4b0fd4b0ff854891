import { Loader, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSegmentPreview, type SegmentDefinition } from '../../../hooks/api/segments.ts';
import { formatNumber, isolate } from '../../../lib/format.ts';
import { isComplete } from '../condition-types.ts';

/**
 * How many customers the conditions being edited hold for now, asked again a moment after each
 * change. Until every condition has what it needs it waits, rather than count a half-made one.
 */
export function SegmentCount({ definition }: { definition: SegmentDefinition }) {
  const { t } = useTranslation();
  const complete = definition.conditions.every(isComplete);
  const [asked] = useDebouncedValue(JSON.stringify(definition), 400);
  // What is asked lags behind what is shown: it, too, must be complete (just finished is not yet).
  const askedComplete = useMemo(() => (JSON.parse(asked) as SegmentDefinition).conditions.every(isComplete), [asked]);
  const preview = useSegmentPreview(asked, complete && askedComplete);
  const stale = preview.isFetching || asked !== JSON.stringify(definition);
  let text: string;
  if (!complete) text = t('segments.countWaits');
  else if (preview.error) text = isolate(preview.error.message);
  else if (!preview.data) text = t('segments.counting');
  else text = t('segments.matching', { count: preview.data.count, formatted: formatNumber(preview.data.count) });
  return (
    <Paper withBorder bg="gray.0" p="sm" role="status" aria-live="polite" aria-busy={complete && stale} style={{ display: 'flex', alignItems: 'center', gap: 'var(--mantine-spacing-sm)' }}>
      <Text fw={complete && preview.data && !preview.error ? 600 : 400} c={complete ? undefined : 'dimmed'} style={{ flex: 1 }}>
        {text}
      </Text>
      {complete && stale && <Loader size="xs" aria-hidden />}
    </Paper>
  );
}
