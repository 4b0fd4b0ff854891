import { CloseButton, Group, Paper, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentCondition } from '../../../hooks/api/segments.ts';
import { TYPE_LABELS } from '../condition-types.ts';
import { ConditionEditor } from './condition-editor.tsx';

interface ConditionRowProps {
  condition: SegmentCondition;
  onChange: (condition: SegmentCondition) => void;
  onRemove: () => void;
  /** The API's error naming this condition (`conditions[N]`), already isolated. */
  error: string | undefined;
}

/** One condition: its type as a heading, its fields, the API's error about it, and a button to take it out. */
export function ConditionRow({ condition, onChange, onRemove, error }: ConditionRowProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const errorId = useId();
  const type = t(TYPE_LABELS[condition.type]);
  return (
    <Paper withBorder p="sm" role="group" aria-labelledby={titleId} aria-describedby={error ? errorId : undefined} style={error ? { borderColor: 'var(--mantine-color-error)' } : undefined}>
      <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
        <Text fw={600} size="sm" id={titleId}>
          {type}
        </Text>
        <CloseButton size="sm" aria-label={t('segments.removeCondition', { type })} onClick={onRemove} />
      </Group>
      <ConditionEditor condition={condition} onChange={onChange} />
      {error && (
        <Text id={errorId} size="sm" c="var(--mantine-color-error)" mt="xs" role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
}
