import { Button, Group, Input, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEarningRules, useRewards } from '../../../../hooks/api/program.ts';
import { formatPercent } from '../../../../lib/format.ts';
import { MAX_VARIANTS, MIN_VARIANTS, newRow, shareSum, withEvenSplit, type VariantRow as Row } from '../experiment-draft.ts';
import { VariantRow } from './variant-row.tsx';

interface VariantListProps {
  rows: Row[];
  /** Whether the shares are the even split, kept even as variants come and go. */
  even: boolean;
  onChange: (rows: Row[], even: boolean) => void;
  errorAt: (index: number) => string | undefined;
  shareErrorAt: (index: number) => string | undefined;
  /** The API's error about the split as a whole, already isolated. */
  splitError: string | undefined;
}

/** The variants (two to five), each a reward or an earning rule with its share of the audience; what the shares add up to, which must be 100. */
export function VariantList({ rows, even, onChange, errorAt, shareErrorAt, splitError }: VariantListProps) {
  const { t } = useTranslation();
  const rewards = (useRewards().data?.data ?? []).filter((r) => r.status === 'active');
  const rules = (useEarningRules().data?.data ?? []).filter((r) => r.active);
  const offers = [
    { value: '', label: t('experiments.chooseOffer') },
    { group: t('experiments.rewards'), items: rewards.map((r) => ({ value: r.id, label: r.name })) },
    { group: t('experiments.rules'), items: rules.map((r) => ({ value: r.id, label: r.name })) },
  ];
  // Coming or going, a variant keeps the split even unless the merchant has typed the shares.
  const resize = (next: Row[]) => onChange(even ? withEvenSplit(next) : next, even);
  const sum = shareSum(rows);
  return (
    <Stack gap="sm">
      <div>
        <Input.Label component="div">{t('experiments.variants')}</Input.Label>
        <Input.Description>{t('experiments.variantsHint')}</Input.Description>
      </div>
      {rows.map((row, index) => (
        <VariantRow
          key={row.key}
          row={row}
          index={index}
          offers={offers}
          onChange={(changed) => onChange(rows.map((r) => (r.key === row.key ? changed : r)), even && changed.share === row.share)}
          onRemove={rows.length > MIN_VARIANTS ? () => resize(rows.filter((r) => r.key !== row.key)) : undefined}
          error={errorAt(index)}
          shareError={shareErrorAt(index)}
        />
      ))}
      <Group justify="space-between" gap="sm">
        <Button variant="light" disabled={rows.length >= MAX_VARIANTS} onClick={() => resize([...rows, newRow()])}>
          {t('experiments.addVariant')}
        </Button>
        <Group gap="xs">
          <Text size="sm" role="status" c={sum === 100 ? undefined : 'var(--mantine-color-error)'} fw={sum === 100 ? undefined : 600}>
            {t(sum === 100 ? 'experiments.sumOk' : 'experiments.sumOff', { sum: formatPercent(sum / 100, 0), whole: formatPercent(1, 0) })}
          </Text>
          <Button variant="subtle" size="compact-sm" disabled={even} onClick={() => onChange(withEvenSplit(rows), true)}>
            {t('experiments.splitEvenly')}
          </Button>
        </Group>
      </Group>
      {splitError && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {splitError}
        </Text>
      )}
    </Stack>
  );
}
