import { Alert, Button, Checkbox, FileInput, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError } from '../../../api/client.ts';
import { useImportOrders, useOrderImport, type OrderImport } from '../../../hooks/api/imports.ts';
import { useState } from 'react';
import { BadRows } from './bad-rows.tsx';
import { ImportFacts } from './import-facts.tsx';
import { RecentOrderImports } from './recent-order-imports.tsx';
import { useCsvFile } from './use-csv-file.ts';

/** Order history from a CSV or a Shopify export: uploaded, then imported by a job whose progress shows here. */
export function OrderImportSection() {
  const { t } = useTranslation();
  const upload = useImportOrders();
  const { file, csv, choose } = useCsvFile(upload.reset);
  const [awardPoints, setAwardPoints] = useState(false);
  const job = useOrderImport(upload.data?.id);
  const current = job.data ?? upload.data;
  const running = current && current.status !== 'done' && current.status !== 'failed';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (csv) upload.mutate({ csv, award_points: awardPoints });
  };
  const general = formError(upload.error, ['csv']);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="orders-title">
      <Title order={2} size="h3" id="orders-title" mb={4}>
        {t('imports.orders')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('imports.ordersHint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FileInput label={t('imports.file')} accept=".csv,text/csv" value={file} onChange={choose} clearable clearButtonProps={{ 'aria-label': t('imports.clear') }} error={fieldError(upload.error, 'csv')} disabled={Boolean(running)} />
          <Checkbox label={t('imports.awardPoints')} description={t('imports.awardPointsHint')} checked={awardPoints} onChange={(e) => setAwardPoints(e.currentTarget.checked)} disabled={Boolean(running)} />
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          {current && <OrderImportStatus job={current} />}
          <Group>
            <Button type="submit" disabled={!csv || Boolean(running)} loading={upload.isPending}>
              {t('imports.import')}
            </Button>
          </Group>
        </Stack>
      </form>
      <RecentOrderImports />
    </Paper>
  );
}

/** A running import's bar and step; once ended, what it did and the rows it left out. */
function OrderImportStatus({ job }: { job: OrderImport }) {
  const { t } = useTranslation();
  if (job.status === 'queued' || job.status === 'running') {
    return (
      <div role="status" aria-live="polite">
        <Progress value={job.progress} aria-label={t('imports.progress')} mb={4} animated />
        <Text size="sm">{t('imports.running', { percent: job.progress, step: t(`imports.steps.${job.step}`, { defaultValue: job.step }) })}</Text>
      </div>
    );
  }
  if (job.status === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title={t('imports.failed')}>
        {job.error}
      </Alert>
    );
  }
  return (
    <Alert color={job.skipped ? 'orange' : 'green'} variant="light" title={t('imports.doneTitle')} role="status">
      <ImportFacts
        facts={[
          ['imports.rows', job.rows],
          ['imports.ordersImported', job.orders_imported],
          ['imports.customersCreated', job.customers_created],
          ['imports.skipped', job.skipped],
        ]}
      />
      <BadRows errors={job.errors} count={job.skipped} />
    </Alert>
  );
}
