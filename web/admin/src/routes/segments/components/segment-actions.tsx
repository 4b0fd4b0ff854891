import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../hooks/api/segments.ts';

interface SegmentActionsProps {
  segment: Segment;
  onEdit: (segment: Segment) => void;
  onDelete: (segment: Segment) => void;
  onGift: (segment: Segment) => void;
  /** Whether this segment's deletion is under way. */
  deleting: boolean;
  /** At the row's end in its own column; at its start under the conditions, on a phone. */
  justify: 'flex-start' | 'flex-end';
}

/** Give the segment a gift, change its name or conditions, or delete it. */
export function SegmentActions({ segment, onEdit, onDelete, onGift, deleting, justify }: SegmentActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify={justify} wrap="nowrap">
      <Button size="xs" variant="light" onClick={() => onGift(segment)} aria-label={t('gifts.giveNamed', { name: segment.name })}>
        {t('gifts.give')}
      </Button>
      <Button size="xs" variant="default" onClick={() => onEdit(segment)} aria-label={t('segments.editNamed', { name: segment.name })}>
        {t('segments.edit')}
      </Button>
      <Button size="xs" variant="subtle" color="red" loading={deleting} onClick={() => onDelete(segment)} aria-label={t('segments.deleteNamed', { name: segment.name })}>
        {t('segments.delete')}
      </Button>
    </Group>
  );
}
