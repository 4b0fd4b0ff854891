import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../hooks/api/customers.ts';
import { formatDate, formatMoney, formatNumber } from '../../../../lib/format.ts';
import { Fact } from './fact.tsx';

/** Balances, tier and progress, and who the customer is. */
export function CustomerGeneralSection({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const progress = c.tier_progress;
  return (
    <section aria-labelledby="customer-general">
      <Title order={2} size="h3" id="customer-general" mb="sm">
        {t('customer.balances')}
      </Title>
      <Stack>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
            <Fact label={t('customer.available')} value={formatNumber(c.points_balance)} />
            <Fact label={t('customer.pending')} value={formatNumber(c.points_pending)} />
            <Fact label={t('customer.reserved')} value={formatNumber(c.points_reserved)} />
            <Fact label={t('customer.storeCredit')} value={formatMoney(c.store_credit, c.currency)} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t('customer.tier')}</Text>
            <Badge variant="light" color={c.tier ? 'blue' : 'gray'} size="lg">
              {c.tier?.name ?? t('customer.noTier')}
            </Badge>
          </Group>
          {progress && (
            <>
              <Progress.Root>
                <Progress.Section value={progress.needed > 0 ? (100 * progress.current) / (progress.current + progress.needed) : 100} aria-label={t('customer.tierProgress')} />
              </Progress.Root>
              <Text size="sm" c="dimmed" mt={4}>
                {t('customer.toNextTier', { name: progress.next_tier_name, current: formatNumber(progress.current), needed: formatNumber(progress.needed) })}
              </Text>
            </>
          )}
        </Paper>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} component="dl" m={0}>
            <Fact label={t('customer.email')} value={c.email ?? '—'} />
            <Fact label={t('customer.externalId')} value={<span dir="ltr">{c.external_id ?? '—'}</span>} />
            <Fact label={t('customer.id')} value={<span dir="ltr">{c.id}</span>} />
            <Fact label={t('customer.orders')} value={formatNumber(c.orders_count)} />
            <Fact label={t('customer.spent')} value={formatMoney(c.total_spent, c.currency)} />
            <Fact label={t('customer.earnedLifetime')} value={formatNumber(c.points_earned_lifetime)} />
            <Fact label={t('customer.firstOrder')} value={c.first_order_at ? formatDate(c.first_order_at) : '—'} />
            <Fact label={t('customer.lastOrder')} value={c.last_order_at ? formatDate(c.last_order_at) : '—'} />
            <Fact label={t('customer.group')} value={c.in_holdout ? t('customer.holdout') : t('customer.member')} />
            <Fact label={t('customer.stage')} value={c.lifecycle_stage ? t(`stages.${c.lifecycle_stage}`) : '—'} />
          </SimpleGrid>
        </Paper>
      </Stack>
    </section>
  );
}
