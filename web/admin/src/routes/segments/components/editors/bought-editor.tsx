import { SimpleGrid, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConditionOf } from '../../../../hooks/api/segments.ts';
import { withBound, WithinDaysInput } from './range-editor.tsx';

type Bought = ConditionOf<'bought'>;

/** A list of the store's identifiers, typed one by one; they read left to right in every language. */
export function IdentifiersInput({ label, description, value, onChange, required }: { label: string; description: string; value: string[] | undefined; onChange: (value: string[]) => void; required?: boolean }) {
  return <TagsInput label={label} description={description} required={required} dir="ltr" value={value ?? []} onChange={onChange} acceptValueOnBlur clearable={false} maxTags={500} />;
}

/** Products (by the store's ids) or collections, bought ever or in the last days. */
export function BoughtEditor({ condition, onChange }: { condition: Bought; onChange: (condition: Bought) => void }) {
  const { t } = useTranslation();
  // An emptied list is left out, as the API has it when only the other is given.
  const list = (key: 'product_ids' | 'collections') => (value: string[]) => {
    const { [key]: _dropped, ...rest } = condition;
    onChange(value.length ? { ...rest, [key]: value } : rest);
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <IdentifiersInput label={t('segments.fields.products')} description={t('segments.fields.productsHint')} value={condition.product_ids} onChange={list('product_ids')} />
      <IdentifiersInput label={t('segments.fields.collections')} description={t('segments.fields.collectionsHint')} value={condition.collections} onChange={list('collections')} />
      <WithinDaysInput value={condition.within_days} onChange={(days) => onChange(withBound(condition, 'within_days', days))} />
    </SimpleGrid>
  );
}
