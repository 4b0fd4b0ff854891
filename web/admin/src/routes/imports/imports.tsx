import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/common/page-header.tsx';
import { BalanceImportSection } from './components/balance-import-section.tsx';
import { CustomerImportSection } from './components/customer-import-section.tsx';
import { OrderImportSection } from './components/order-import-section.tsx';

/** What a program starts from: order history, customers, and balances from another loyalty app. */
export default function ImportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Stack gap="lg">
        <OrderImportSection />
        <CustomerImportSection />
        <BalanceImportSection />
      </Stack>
    </>
  );
}
