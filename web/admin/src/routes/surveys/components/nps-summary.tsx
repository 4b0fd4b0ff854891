import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/common/section.tsx';
import { StatCard } from '../../../components/common/stat-card.tsx';
import type { NpsFigures } from '../../../hooks/api/surveys.ts';
import { formatNumber, formatPercent, isolate } from '../../../lib/format.ts';
import { formatInterval, formatNps } from '../nps-format.ts';

/** The NPS of the range with its 95% interval, and how many promoters, passives and detractors make it. */
export function NpsSummary({ report: r }: { report: NpsFigures }) {
  const { t } = useTranslation();
  const share = (n: number) => t('surveys.share', { share: isolate(formatPercent(n / r.responses, 0)) });
  return (
    <Section id="nps-title" title={t('surveys.npsTitle')}>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard label={t('surveys.nps')} value={<span data-nps={r.nps ?? ''}>{formatNps(r.nps)}</span>} hint={`${formatInterval(t, r)} · ${t('surveys.answersCount', { count: r.responses, formatted: formatNumber(r.responses) })}`} />
        <StatCard label={t('surveys.promoters')} value={formatNumber(r.promoters)} hint={share(r.promoters)} />
        <StatCard label={t('surveys.passives')} value={formatNumber(r.passives)} hint={share(r.passives)} />
        <StatCard label={t('surveys.detractors')} value={formatNumber(r.detractors)} hint={share(r.detractors)} />
      </SimpleGrid>
    </Section>
  );
}
