import { Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { useCursor } from '../../../components/common/cursor-pager.tsx';
import type { CustomerFilter } from '../../../hooks/api/customers.ts';
import { CustomerSearch } from './components/customer-search.tsx';
import { CustomerTable } from './components/customer-table.tsx';

/** A search by email, external id or customer id decides what the API is asked. */
function filterOf(search: string): CustomerFilter {
  if (search === '') return {};
  return search.includes('@') ? { email: search } : { external_id: search };
}

export default function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const cursor = useCursor();
  const onSearch = (value: string) => {
    if (/^cus_[a-z0-9]+$/i.test(value)) return void navigate(`/customers/${value}`);
    setSearch(value);
    cursor.reset();
  };
  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} />
      <Stack>
        <CustomerSearch initial={search} onSearch={onSearch} />
        <Paper withBorder>
          <CustomerTable filter={filterOf(search)} cursor={cursor} searching={search !== ''} />
        </Paper>
      </Stack>
    </>
  );
}
