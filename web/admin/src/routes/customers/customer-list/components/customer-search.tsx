import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Exact lookup: an email, the store's customer id, or a Regulars id (cus_…) opens that customer. */
export function CustomerSearch({ initial, onSearch }: { initial: string; onSearch: (value: string) => void }) {
  const { t } = useTranslation();
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
      </Group>
    </form>
  );
}
