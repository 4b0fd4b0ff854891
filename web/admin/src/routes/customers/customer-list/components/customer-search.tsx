import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { ExportButton } from '../../../../components/common/export-button.tsx';
import { customersExportUrl, type CustomerFilter } from '../../../../hooks/api/customers.ts';
import { useTiers } from '../../../../hooks/api/program.ts';

const STAGES = ['new', 'one_time', 'repeat', 'loyal', 'at_risk', 'lapsed'] as const;
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A part of an email, a name or the store's customer id; a Regulars id (cus_…) opens that customer. A tier or a lifecycle stage narrows the list; the export takes the same filters. */
export function CustomerSearch({ initial, onSearch, tier, onTier, stage, onStage, filter }: { initial: string; onSearch: (value: string) => void; tier: string; onTier: (tier: string) => void; stage: string; onStage: (stage: string) => void; filter: CustomerFilter }) {
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
            value={tier}
            onChange={(e) => onTier(e.currentTarget.value)}
            data={[{ value: '', label: t('customers.allTiers') }, { value: 'none', label: t('customers.noTier') }, ...tiers.map((x) => ({ value: x.id, label: x.name }))]}
          />
        )}
        <NativeSelect label={t('customers.stage')} value={stage} onChange={(e) => onStage(e.currentTarget.value)} data={[{ value: '', label: t('customers.allStages') }, ...STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))]} />
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
