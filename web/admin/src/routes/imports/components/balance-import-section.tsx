import { Alert, Button, FileInput, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError } from '../../../api/client.ts';
import { useImportBalances, type BalanceImportBody } from '../../../hooks/api/imports.ts';
import { ImportResult } from './import-result.tsx';
import { useCsvFile } from './use-csv-file.ts';

type Format = NonNullable<BalanceImportBody['format']>;
const FORMATS: Format[] = ['plain', 'smile', 'loyaltylion'];

/** A CSV file is checked with a dry run; only a checked file can be imported. */
export function BalanceImportSection() {
  const { t } = useTranslation();
  const run = useImportBalances();
  const { file, csv, choose } = useCsvFile(run.reset);
  const [format, setFormat] = useState<Format>('plain');
  const checked = run.data?.dry_run === true && run.variables?.csv === csv && run.variables?.format === format;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (csv) run.mutate({ csv, format, dry_run: true });
  };
  const general = formError(run.error, ['csv']);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="balances-title">
      <Title order={2} size="h3" id="balances-title" mb={4}>
        {t('imports.balances')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('imports.balancesHint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group align="flex-start" gap="xs">
            <FileInput label={t('imports.file')} accept=".csv,text/csv" value={file} onChange={choose} clearable clearButtonProps={{ 'aria-label': t('imports.clear') }} error={fieldError(run.error, 'csv')} style={{ flex: '2 1 16rem' }} />
            <NativeSelect
              label={t('imports.format')}
              value={format}
              onChange={(e) => {
                setFormat(e.currentTarget.value as Format);
                run.reset();
              }}
              data={FORMATS.map((f) => ({ value: f, label: t(`imports.formats.${f}`) }))}
              style={{ flex: '1 1 10rem' }}
            />
          </Group>
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          {run.data && <ImportResult result={run.data} />}
          <Group>
            <Button type="submit" variant={checked ? 'default' : 'filled'} disabled={!csv} loading={run.isPending && run.variables?.dry_run}>
              {t('imports.check')}
            </Button>
            <Button disabled={!checked || !csv} loading={run.isPending && !run.variables?.dry_run} onClick={() => csv && run.mutate({ csv, format, dry_run: false })}>
              {t('imports.import')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
