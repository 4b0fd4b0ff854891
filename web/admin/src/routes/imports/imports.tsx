import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/common/page-header.tsx';
import { BalanceImportSection } from './components/balance-import-section.tsx';

/** Moving from another loyalty app: its customers' balances, checked first, then imported once. */
export default function ImportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Stack gap="lg">
        <BalanceImportSection />
      </Stack>
    </>
  );
}
