import { CloseButton, Flex, Group, NativeSelect, NumberInput, Paper, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { numberOrEmpty } from '../../../../hooks/use-form-dialog.ts';
import { formatNumber } from '../../../../lib/format.ts';
import type { VariantRow as Row } from '../experiment-draft.ts';

interface VariantRowProps {
  row: Row;
  /** Its place in the list, from 0: the first is the baseline. */
  index: number;
  /** The active rewards and earning rules, grouped, to choose the offer from. */
  offers: Parameters<typeof NativeSelect>[0]['data'];
  onChange: (row: Row) => void;
  /** Absent while the experiment has no more than the two variants it needs. */
  onRemove: (() => void) | undefined;
  /** The API's error about this variant, and about its share, already isolated. */
  error: string | undefined;
  shareError: string | undefined;
}

/** One variant: its number (the first is the baseline) as a heading, its name, its offer and its share; the API's error about it below. */
export function VariantRow({ row, index, offers, onChange, onRemove, error, shareError }: VariantRowProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const errorId = useId();
  const title = t(index === 0 ? 'experiments.baselineVariant' : 'experiments.variantN', { n: formatNumber(index + 1) });
  return (
    <Paper withBorder p="sm" role="group" aria-labelledby={titleId} aria-describedby={error ? errorId : undefined} style={error ? { borderColor: 'var(--mantine-color-error)' } : undefined}>
      <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
        <Text fw={600} size="sm" id={titleId}>
          {title}
        </Text>
        {onRemove && <CloseButton size="sm" aria-label={t('experiments.removeVariant', { n: formatNumber(index + 1) })} onClick={onRemove} />}
      </Group>
      <Flex gap="sm" wrap="wrap" align="flex-start">
        <TextInput label={t('experiments.variantName')} placeholder={t('experiments.variantNameHint')} required maxLength={100} value={row.name} onChange={(e) => onChange({ ...row, name: e.currentTarget.value })} style={{ flex: '1 1 11rem' }} />
        <NativeSelect label={t('experiments.offer')} required value={row.offer} onChange={(e) => onChange({ ...row, offer: e.currentTarget.value })} data={offers} style={{ flex: '1 1 11rem', minWidth: 0 }} />
        <NumberInput label={t('experiments.share')} required min={1} max={99} allowDecimal={false} allowNegative={false} suffix=" %" value={row.share} onChange={(v) => onChange({ ...row, share: numberOrEmpty(v) })} error={shareError} style={{ flex: '0 0 6.5rem' }} />
      </Flex>
      {error && (
        <Text id={errorId} size="sm" c="var(--mantine-color-error)" mt="xs" role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
}
