import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { StatCard } from '../../../components/common/stat-card.tsx';
import { useBacktest, type Backtest, type BacktestDraft } from '../../../hooks/api/analytics.ts';
import { useEarningRules, useProgram, useRewards, useTiers, type Program } from '../../../hooks/api/program.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { formatMoney, formatMonth, formatNumber } from '../../../lib/format.ts';
import { periodRange, type Period } from '../../../lib/period.ts';
import { roleMay } from '../../../lib/roles.ts';

/** How the backtest names the customers in no tier. */
const NO_TIER = 'no tier';

interface Knobs {
  points: number | '';
  expiry_days: number | '';
  redemption_percent: number | '';
}

/** What the program would have issued, redeemed, expired and owed over the period with other settings: a draft edited from the live program, replayed on the real orders. */
export function BacktestSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const program = useProgram();
  const rules = useEarningRules();
  const tiers = useTiers();
  const rewards = useRewards();
  const may = roleMay(useSession().data?.program.role, 'setup');
  if (!may) return null;
  return (
    <Section id="backtest-title" title={t('backtest.title')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('backtest.description')}
      </Text>
      <QueryState isPending={program.isPending || rules.isPending || tiers.isPending || rewards.isPending} error={program.error ?? rules.error ?? tiers.error ?? rewards.error}>
        {() => {
          const live = rules.data!.data.find((r) => r.active && r.type === 'points_per_unit');
          const cheapest = Math.min(...rewards.data!.data.filter((r) => r.status === 'active' && r.points_cost).map((r) => r.points_cost!), 500);
          const base: Omit<BacktestDraft, 'earning_rules' | 'typical_redemption_rate' | 'expiry_days'> = {
            tiers: tiers.data!.data.filter((x) => x.status === 'active').map((x) => ({ name: x.name, threshold: x.threshold, earn_multiplier: x.earn_multiplier })),
            reward_points_cost: cheapest,
            point_cost_per_1000: program.data!.point_cost_per_1000,
          };
          return <BacktestForm period={period} program={program.data!} base={base} initial={{ points: live?.points ?? 1, expiry_days: program.data!.expiry_days ?? '', redemption_percent: 30 }} unitAmount={live?.unit_amount} />;
        }}
      </QueryState>
    </Section>
  );
}

function BacktestForm({ period, program, base, initial, unitAmount }: { period: Period; program: Program; base: Omit<BacktestDraft, 'earning_rules' | 'typical_redemption_rate' | 'expiry_days'>; initial: Knobs; unitAmount: number | undefined }) {
  const { t } = useTranslation();
  const [knobs, setKnobs] = useState<Knobs>(initial);
  const backtest = useBacktest();
  const number = (key: keyof Knobs) => (value: string | number) => setKnobs((k) => ({ ...k, [key]: typeof value === 'number' ? value : '' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const draft: BacktestDraft = {
      ...base,
      earning_rules: [{ name: 'Draft', type: 'points_per_unit', points: knobs.points === '' ? 1 : knobs.points, ...(unitAmount ? { unit_amount: unitAmount } : {}) }],
      ...(knobs.expiry_days === '' ? {} : { expiry_days: knobs.expiry_days }),
      typical_redemption_rate: (knobs.redemption_percent === '' ? 30 : knobs.redemption_percent) / 100,
    };
    backtest.mutate({ draft, ...periodRange(period) });
  };
  return (
    <Stack>
      <Paper withBorder p="md">
        <form onSubmit={submit} aria-label={t('backtest.title')}>
          <Group align="flex-end" wrap="wrap">
            <NumberInput label={t('backtest.points', { unit: formatMoney(unitAmount ?? 100, program.currency) })} min={1} allowDecimal={false} value={knobs.points} onChange={number('points')} />
            <NumberInput label={t('backtest.expiryDays')} description={t('backtest.expiryHint')} min={1} max={3650} allowDecimal={false} value={knobs.expiry_days} onChange={number('expiry_days')} />
            <NumberInput label={t('backtest.redemption')} min={0} max={100} allowDecimal={false} suffix=" %" value={knobs.redemption_percent} onChange={number('redemption_percent')} />
            <Button type="submit" loading={backtest.isPending}>
              {t('backtest.run')}
            </Button>
          </Group>
        </form>
      </Paper>
      {backtest.isPending && (
        <Text role="status" size="sm">
          {t('backtest.running')}
        </Text>
      )}
      {backtest.error && (
        <Alert color="red" variant="light" role="alert">
          {backtest.error.message}
        </Alert>
      )}
      {backtest.data && <BacktestResult result={backtest.data} currency={program.currency} />}
    </Stack>
  );
}

function BacktestResult({ result, currency }: { result: Backtest; currency: string }) {
  const { t } = useTranslation();
  const points = (n: number) => formatNumber(n);
  const columns: Column<Backtest['by_month'][number]>[] = [
    { header: t('analytics.month'), cell: (m) => formatMonth(m.month) },
    { header: t('backtest.issued'), align: 'end', cell: (m) => points(m.issued) },
    { header: t('backtest.redeemed'), align: 'end', cell: (m) => points(m.redeemed) },
    { header: t('backtest.expired'), align: 'end', cell: (m) => points(m.expired) },
    { header: t('backtest.outstanding'), align: 'end', cell: (m) => points(m.outstanding) },
    { header: t('backtest.liability'), align: 'end', cell: (m) => formatMoney(m.liability, currency) },
  ];
  return (
    <div role="status" aria-live="polite">
      <Text size="sm" mb="sm">
        {t('backtest.replayed', { orders: formatNumber(result.orders), customers: formatNumber(result.customers) })} {Object.entries(result.customers_per_tier).map(([tier, n]) => `${tier === NO_TIER ? t('customer.noTier') : tier}: ${formatNumber(n)}`).join(' · ')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} mb="md">
        <StatCard label={t('backtest.issued')} value={points(result.points_issued)} />
        <StatCard label={t('backtest.redeemed')} value={points(result.points_redeemed_if_typical)} />
        <StatCard label={t('backtest.expired')} value={points(result.points_expired)} />
        <StatCard label={t('backtest.outstanding')} value={points(result.points_outstanding)} />
        <StatCard label={t('backtest.liability')} value={formatMoney(result.liability, currency)} />
      </SimpleGrid>
      <Paper withBorder>
        <DataTable rows={result.by_month} rowKey={(m) => m.month} columns={columns} minWidth={640} />
      </Paper>
    </div>
  );
}
