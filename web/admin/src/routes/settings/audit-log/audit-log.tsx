import { Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { useCursor } from '../../../components/common/cursor-pager.tsx';
import type { AuditFilter } from '../../../hooks/api/audit-log.ts';
import { SettingsNav } from '../components/settings-nav.tsx';
import { AuditFilters } from './components/audit-filters.tsx';
import { AuditTable } from './components/audit-table.tsx';

/** Who changed what, when and why, filtered, and exported as CSV with the same filters. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const cursor = useCursor();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('audit.description')} />
      <SettingsNav />
      <Stack>
        <AuditFilters
          filter={filter}
          onChange={(next) => {
            setFilter(next);
            cursor.reset();
          }}
        />
        <Paper withBorder>
          <AuditTable filter={filter} cursor={cursor} />
        </Paper>
      </Stack>
    </>
  );
}
