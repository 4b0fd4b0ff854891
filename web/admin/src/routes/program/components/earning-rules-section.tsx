import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
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
  return (
    <section aria-labelledby="rules-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="rules-title">
          {t('program.rulesTitle')}
        </Title>
        {mayChange && <CreateRuleButton />}
      </Group>
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
            return (
              <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('program.name')}</Table.Th>
                      <Table.Th scope="col">{t('program.gives')}</Table.Th>
                      <Table.Th scope="col">{t('program.conditions')}</Table.Th>
                      <Table.Th scope="col">{t('program.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((rule) => (
                      <Table.Tr key={rule.id}>
                        <Table.Td fw={500}>
                          <bdi>{rule.name}</bdi>
                        </Table.Td>
                        <Table.Td>{ruleSummary(rule, program.data!.currency, t)}</Table.Td>
                        <Table.Td>
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
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={rule.active ? 'green' : 'gray'}>
                            {rule.active ? t('program.active') : t('program.inactive')}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            );
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
    </section>
  );
}
