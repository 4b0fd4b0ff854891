import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryState } from '../../../../components/common/query-state.tsx';
import { Section } from '../../../../components/common/section.tsx';
import { useAcquisitionReport } from '../../../../hooks/api/acquisition.ts';
import { useProgram } from '../../../../hooks/api/program.ts';
import { useSession } from '../../../../hooks/api/session.ts';
import { formatMonth } from '../../../../lib/format.ts';
import { periodMonths, type Period } from '../../../../lib/period.ts';
import { roleMay } from '../../../../lib/roles.ts';
import { AcquisitionTable } from './acquisition-table.tsx';
import { RecordedCosts } from './recorded-costs.tsx';
import { SpendForm } from './spend-form.tsx';

/** What winning a customer cost (the marketing spend the merchant records, per month) against what the customers won each month have been worth. */
export function AcquisitionSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const program = useProgram();
  const range = periodMonths(period);
  const report = useAcquisitionReport(range);
  return (
    <Section id="acquisition-title" title={t('acquisition.title')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('acquisition.description')}
      </Text>
      <QueryState isPending={program.isPending} error={program.error}>
        {() => (
          <SimpleGrid cols={{ base: 1, md: mayChange ? 2 : 1 }} mb="md">
            {mayChange && <SpendForm currency={program.data!.currency} />}
            <RecordedCosts currency={program.data!.currency} mayChange={mayChange} />
          </SimpleGrid>
        )}
      </QueryState>
      <Title order={3} size="h5" mb="xs">
        {t('acquisition.byMonth', { from: formatMonth(range.from), to: formatMonth(range.to) })}
      </Title>
      <Paper withBorder>
        <QueryState isPending={report.isPending} error={report.error}>
          {() =>
            report.data!.months.length === 0 ? (
              <EmptyState title={t('acquisition.empty')}>{t('acquisition.emptyBody')}</EmptyState>
            ) : (
              <AcquisitionTable report={report.data!} />
            )
          }
        </QueryState>
      </Paper>
    </Section>
  );
}
