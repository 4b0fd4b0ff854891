import { Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { useCursor } from '../../../components/common/cursor-pager.tsx';
import type { CustomerFilter } from '../../../hooks/api/customers.ts';
import { CustomerSearch } from './components/customer-search.tsx';
import { CustomerTable } from './components/customer-table.tsx';


export default function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [tier, setTier] = useState('');
  const [stage, setStage] = useState('');
  const cursor = useCursor();
  const onSearch = (value: string) => {
    if (/^cus_[a-z0-9]+$/i.test(value)) return void navigate(`/customers/${value}`);
    setSearch(value);
    cursor.reset();
  };
  const onTier = (value: string) => {
    setTier(value);
    cursor.reset();
  };
  const onStage = (value: string) => {
    setStage(value);
    cursor.reset();
  };
  const filter: CustomerFilter = { ...(search ? { q: search } : {}), ...(tier ? { tier_id: tier } : {}), ...(stage ? { stage: stage as CustomerFilter['stage'] } : {}) };
  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} />
      <Stack>
        <CustomerSearch initial={search} onSearch={onSearch} tier={tier} onTier={onTier} stage={stage} onStage={onStage} filter={filter} />
        <Paper withBorder>
          <CustomerTable filter={filter} cursor={cursor} searching={search !== '' || tier !== '' || stage !== ''} />
        </Paper>
      </Stack>
    </>
  );
}
