import { Button, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SegmentCondition } from '../../../hooks/api/segments.ts';
import { blankCondition, CONDITION_TYPES, MAX_CONDITIONS, TYPE_LABELS } from '../condition-types.ts';
import { newRow, type ConditionRow as Row } from '../segment-draft.ts';
import { ConditionRow } from './condition-row.tsx';

interface ConditionListProps {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** The API's error beside the condition at a place in the list. */
  errorAt: (index: number) => string | undefined;
}

/** The segment's conditions, each with its fields; a new one is added by choosing its type. */
export function ConditionList({ rows, onChange, errorAt }: ConditionListProps) {
  const { t } = useTranslation();
  const replace = (key: number) => (condition: SegmentCondition) => onChange(rows.map((r) => (r.key === key ? { key, condition } : r)));
  return (
    <Stack gap="sm">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('segments.noConditions')}
        </Text>
      )}
      {rows.map((row, index) => (
        <ConditionRow key={row.key} condition={row.condition} onChange={replace(row.key)} onRemove={() => onChange(rows.filter((r) => r.key !== row.key))} error={errorAt(index)} />
      ))}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="light" disabled={rows.length >= MAX_CONDITIONS} style={{ alignSelf: 'flex-start' }}>
            {t('segments.addCondition')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {CONDITION_TYPES.map((type) => (
            <Menu.Item key={type} onClick={() => onChange([...rows, newRow(blankCondition(type))])}>
              {t(TYPE_LABELS[type])}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
