import { Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { useCursor } from '../../../components/common/cursor-pager.tsx';
import type { CustomerFilter } from '../../../hooks/api/customers.ts';
import { CustomerSearch, type Narrowing } from './components/customer-search.tsx';
import { CustomerTable } from './components/customer-table.tsx';


export default function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [narrowing, setNarrowing] = useState<Narrowing>({ tier: '', stage: '', segment: '' });
  const cursor = useCursor();
  const onSearch = (value: string) => {
    if (/^cus_[a-z0-9]+$/i.test(value)) return void navigate(`/customers/${value}`);
    setSearch(value);
    cursor.reset();
  };
  const onNarrow = (change: Partial<Narrowing>) => {
    setNarrowing({ ...narrowing, ...change });
    cursor.reset();
  };
  const { tier, stage, segment } = narrowing;
  const filter: CustomerFilter = {
    ...(search ? { q: search } : {}),
    ...(tier ? { tier_id: tier } : {}),
    ...(stage ? { stage: stage as CustomerFilter['stage'] } : {}),
    ...(segment ? { segment: segment as CustomerFilter['segment'] } : {}),
  };
  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} />
      <Stack>
        <CustomerSearch initial={search} onSearch={onSearch} narrowing={narrowing} onNarrow={onNarrow} filter={filter} />
        <Paper withBorder>
          <CustomerTable filter={filter} cursor={cursor} searching={search !== '' || tier !== '' || stage !== '' || segment !== ''} />
        </Paper>
      </Stack>
    </>
  );
}
