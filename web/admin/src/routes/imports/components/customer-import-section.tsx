import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError } from '../../../api/client.ts';
import { useImportCustomers } from '../../../hooks/api/imports.ts';
import { BadRows } from './bad-rows.tsx';
import { ImportFacts } from './import-facts.tsx';
import { useCsvFile } from './use-csv-file.ts';

/** Customers from a CSV or a Shopify customer export: new ones added, known ones filled in. */
export function CustomerImportSection() {
  const { t } = useTranslation();
  const run = useImportCustomers();
  const { file, csv, choose } = useCsvFile(run.reset);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (csv) run.mutate(csv);
  };
  const general = formError(run.error, ['csv']);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="customers-title">
      <Title order={2} size="h3" id="customers-title" mb={4}>
        {t('imports.customers')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('imports.customersHint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FileInput label={t('imports.file')} accept=".csv,text/csv" value={file} onChange={choose} clearable clearButtonProps={{ 'aria-label': t('imports.clear') }} error={fieldError(run.error, 'csv')} />
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          {run.data && (
            <Alert color={run.data.errors.length ? 'orange' : 'green'} variant="light" title={t('imports.doneTitle')} role="status">
              <ImportFacts
                facts={[
                  ['imports.rows', run.data.rows],
                  ['imports.customersCreated', run.data.created],
                  ['imports.customersUpdated', run.data.updated],
                ]}
              />
              <BadRows errors={run.data.errors} />
            </Alert>
          )}
          <Group>
            <Button type="submit" disabled={!csv} loading={run.isPending}>
              {t('imports.import')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
