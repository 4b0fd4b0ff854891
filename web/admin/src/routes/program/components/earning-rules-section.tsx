import { Anchor, Badge, Paper, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useEarningRules, useProgram, type EarningRule } from '../../../hooks/api/program.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { formatDate, formatMoney, formatNumber, isolate } from '../../../lib/format.ts';
import { roleMay } from '../../../lib/roles.ts';
import { CreateRuleButton } from './create-rule-button.tsx';
import { EarningPreview } from './earning-preview.tsx';

/** What a rule gives, in words: "1 point per 1.00 spent", "2× points", "50 points for sign-up". */
function ruleSummary(rule: EarningRule, currency: string, t: TFunction): string {
  const points = t('common.points', { count: rule.points ?? 0, formatted: formatNumber(rule.points ?? 0) });
  switch (rule.type) {
    case 'points_per_unit':
      return t('program.rules.perUnit', { points, unit: isolate(formatMoney(rule.unit_amount ?? 100, currency)) });
    case 'fixed_per_order':
      return t('program.rules.perOrder', { points });
    case 'multiplier':
      return t('program.rules.multiplier', { multiplier: formatNumber(rule.multiplier ?? 1) });
    case 'action':
      return t('program.rules.action', { points, event: rule.event_type ?? '' });
  }
}

export function EarningRulesSection() {
  const { t } = useTranslation();
  const rules = useEarningRules();
  const program = useProgram();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const columns: Column<EarningRule>[] = [
    { header: t('program.name'), td: { fw: 500 }, cell: (rule) => <bdi>{rule.name}</bdi> },
    { header: t('program.gives'), cell: (rule) => ruleSummary(rule, program.data!.currency, t) },
    {
      header: t('program.conditions'),
      cell: (rule) => (
        <Text size="sm" c="dimmed">
          {[
            rule.min_spend ? t('program.rules.minSpend', { amount: isolate(formatMoney(rule.min_spend, program.data!.currency)) }) : null,
            rule.hold_days ? t('program.rules.hold', { count: rule.hold_days }) : null,
            rule.ends_at ? t('program.rules.until', { date: formatDate(rule.ends_at) }) : null,
            rule.limit ? t('program.rules.limit', { count: rule.limit.count, period: t(`program.periods.${rule.limit.period}`) }) : null,
          ]
            .filter(Boolean)
            .join(' · ') || '—'}
        </Text>
      ),
    },
    {
      header: t('program.status'),
      cell: (rule) => (
        <Badge variant="light" color={rule.active ? 'green' : 'gray'}>
          {rule.active ? t('program.active') : t('program.inactive')}
        </Badge>
      ),
    },
  ];
  return (
    <Section id="rules-title" title={t('program.rulesTitle')} actions={mayChange && <CreateRuleButton />}>
      <Paper withBorder>
        <QueryState isPending={rules.isPending || program.isPending} error={rules.error ?? program.error}>
          {() => {
            const list = rules.data!.data;
            if (list.length === 0)
              return (
                <EmptyState title={t('program.rulesEmpty')} action={<Anchor href="/docs#tag/earning-rules">{t('program.apiDocs')}</Anchor>}>
                  {t('program.rulesEmptyBody')}
                </EmptyState>
              );
            return <DataTable rows={list} rowKey={(rule) => rule.id} columns={columns} />;
          }}
        </QueryState>
      </Paper>
      <Paper withBorder p="md" mt="md">
        <Title order={3} size="h5" mb={4}>
          {t('preview.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('preview.hint')}
        </Text>
        <EarningPreview />
      </Paper>
    </Section>
  );
}
