import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../components/common/query-state.tsx';
import { Section } from '../../../../components/common/section.tsx';
import { useCustomerReferral } from '../../../../hooks/api/customers.ts';
import { useProgram } from '../../../../hooks/api/program.ts';
import { formatMoney, formatNumber } from '../../../../lib/format.ts';
import { Fact } from './fact.tsx';

/** The customer's referral code and link, and what their referrals became. */
export function CustomerReferralSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const referral = useCustomerReferral(customerId);
  const program = useProgram();
  return (
    <Section id="customer-referrals" title={t('customer.referrals')}>
      <Paper withBorder p="md">
        <QueryState isPending={referral.isPending || program.isPending} error={referral.error ?? program.error}>
          {() => {
            const r = referral.data!;
            return (
              <>
                <Text mb="sm">
                  {t('customer.referralCode')}{' '}
                  <Text span fw={700} ff="monospace" dir="ltr">
                    {r.code}
                  </Text>
                </Text>
                <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} component="dl" m={0}>
                  <Fact label={t('customer.referralStats.sent')} value={formatNumber(r.stats.sent)} />
                  <Fact label={t('customer.referralStats.pending')} value={formatNumber(r.stats.pending)} />
                  <Fact label={t('customer.referralStats.flagged')} value={formatNumber(r.stats.flagged)} />
                  <Fact label={t('customer.referralStats.completed')} value={formatNumber(r.stats.completed)} />
                  <Fact label={t('customer.referralStats.rejected')} value={formatNumber(r.stats.rejected)} />
                  <Fact label={t('customer.referralStats.revenue')} value={formatMoney(r.stats.revenue, program.data!.currency)} />
                </SimpleGrid>
              </>
            );
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
