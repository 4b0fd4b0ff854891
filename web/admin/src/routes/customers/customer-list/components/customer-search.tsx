import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { ExportButton } from '../../../../components/common/export-button.tsx';
import { customersExportUrl, type CustomerFilter } from '../../../../hooks/api/customers.ts';
import { useTiers } from '../../../../hooks/api/program.ts';

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RFM_SEGMENTS } from '../../../../lib/rfm.ts';

const STAGES = ['new', 'one_time', 'repeat', 'loyal', 'at_risk', 'lapsed'] as const;

/** The selects that narrow the list: a tier id (or none), a lifecycle stage, an RFM segment; '' is all. */
export interface Narrowing {
  tier: string;
  stage: string;
  segment: string;
}

/** A part of an email, a name or the store's customer id; a Regulars id (cus_…) opens that customer. A tier, a lifecycle stage or an RFM segment narrows the list; the export takes the same filters. */
export function CustomerSearch({ initial, onSearch, narrowing, onNarrow, filter }: { initial: string; onSearch: (value: string) => void; narrowing: Narrowing; onNarrow: (change: Partial<Narrowing>) => void; filter: CustomerFilter }) {
  const { t } = useTranslation();
  const tiers = useTiers().data?.data.filter((x) => x.status === 'active') ?? [];
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form onSubmit={submit} role="search">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label={t('customers.search')}
          description={t('customers.searchHint')}
          type="search"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        {tiers.length > 0 && (
          <NativeSelect
            label={t('customers.tier')}
            value={narrowing.tier}
            onChange={(e) => onNarrow({ tier: e.currentTarget.value })}
            data={[{ value: '', label: t('customers.allTiers') }, { value: 'none', label: t('customers.noTier') }, ...tiers.map((x) => ({ value: x.id, label: x.name }))]}
          />
        )}
        <NativeSelect label={t('customers.stage')} value={narrowing.stage} onChange={(e) => onNarrow({ stage: e.currentTarget.value })} data={[{ value: '', label: t('customers.allStages') }, ...STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))]} />
        <NativeSelect
          label={t('customers.segment')}
          value={narrowing.segment}
          onChange={(e) => onNarrow({ segment: e.currentTarget.value })}
          data={[{ value: '', label: t('customers.allSegments') }, ...RFM_SEGMENTS.map((s) => ({ value: s, label: t(`analytics.segments.${s}`) }))]}
        />
        <Button type="submit">{t('customers.searchSubmit')}</Button>
        {initial && (
          <Button
            variant="default"
            onClick={() => {
              setValue('');
              onSearch('');
            }}
          >
            {t('customers.clear')}
          </Button>
        )}
        <ExportButton url={customersExportUrl(filter)} filename="customers.csv" label={t('customers.export')} />
      </Group>
    </form>
  );
}
