import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { formatNumber } from '../../../lib/format.ts';

export interface Move {
  from: string | null;
  to: string;
  customers: number;
}

/** The period's largest moves between segments or stages (from the start of the period to its end), most customers first. */
export function MovementTable({ moves, nameOf, limit = 8 }: { moves: readonly Move[]; nameOf: (key: string) => string; limit?: number }) {
  const { t } = useTranslation();
  const largest = moves
    .filter((m) => m.from !== m.to)
    .sort((a, b) => b.customers - a.customers)
    .slice(0, limit);
  const columns: Column<Move>[] = [
    { header: t('analytics.movedFrom'), cell: (m) => (m.from === null ? t('analytics.newInPeriod') : nameOf(m.from)) },
    { header: t('analytics.movedTo'), td: { fw: 500 }, cell: (m) => nameOf(m.to) },
    { header: t('analytics.customers'), align: 'end', cell: (m) => formatNumber(m.customers) },
  ];
  return (
    <>
      <Title order={3} size="h5" mt="md" mb={4}>
        {t('analytics.movement')}
      </Title>
      {largest.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('analytics.noMovement')}
        </Text>
      ) : (
        <DataTable rows={largest} rowKey={(m) => `${m.from}>${m.to}`} columns={columns} minWidth={300} />
      )}
    </>
  );
}
