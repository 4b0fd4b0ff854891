import { Anchor, Breadcrumbs, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { QueryState } from '../../../components/common/query-state.tsx';
import { useCustomer } from '../../../hooks/api/customers.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { roleMay } from '../../../lib/roles.ts';
import { AdjustPointsButton } from './components/adjust-points-button.tsx';
import { CustomerExpirySection } from './components/customer-expiry-section.tsx';
import { CustomerGeneralSection } from './components/customer-general-section.tsx';
import { CustomerProfileSection } from './components/customer-profile-section.tsx';
import { CustomerReferralSection } from './components/customer-referral-section.tsx';
import { CustomerTierHistorySection } from './components/customer-tier-history-section.tsx';
import { CustomerLedgerSection } from './components/customer-ledger-section.tsx';
import { CustomerRedemptionsSection } from './components/customer-redemptions-section.tsx';

export default function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  const role = useSession().data?.program.role;
  const c = customer.data;
  const name = c ? [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email || c.external_id || c.id : t('customers.customer');
  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/customers" size="sm">
          {t('customers.title')}
        </Anchor>
        <bdi aria-current="page">{name}</bdi>
      </Breadcrumbs>
      <PageHeader title={name} actions={c && roleMay(role, 'points') && <AdjustPointsButton customer={c} />} />
      <QueryState isPending={customer.isPending} error={customer.error}>
        {() => (
          <Stack gap="lg">
            <CustomerGeneralSection customer={customer.data!} />
            <CustomerProfileSection customer={customer.data!} />
            <CustomerExpirySection customer={customer.data!} />
            <CustomerLedgerSection customerId={id} />
            <CustomerRedemptionsSection customerId={id} mayVoid={roleMay(role, 'codes')} />
            <CustomerTierHistorySection customerId={id} />
            <CustomerReferralSection customerId={id} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
