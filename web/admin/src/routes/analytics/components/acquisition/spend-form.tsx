import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../../components/common/money-input.tsx';
import { useRecordAcquisitionCost, type NewAcquisitionCost } from '../../../../hooks/api/acquisition.ts';
import { useFormDialog } from '../../../../hooks/use-form-dialog.ts';

const FIELDS = ['month', 'channel', 'amount'] as const;

interface Draft {
  month: string;
  channel: string;
  amount: number | '';
}

/** Last month, as YYYY-MM: the spend usually recorded is of the month just ended. */
function lastMonth(now = new Date()): string {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return at.toISOString().slice(0, 7);
}

// An empty amount is left out, for the API to say it is required, beside the field.
const toCost = (d: Draft) => ({ month: d.month, ...(d.channel.trim() ? { channel: d.channel.trim() } : {}), ...(d.amount === '' ? {} : { amount: d.amount }) }) as NewAcquisitionCost;

/** What a month's marketing cost, in the program's currency, on one channel or on all; the same month and channel again replaces it. */
export function SpendForm({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const empty: Draft = { month: lastMonth(), channel: '', amount: '' };
  const { draft, change, error, dialog } = useFormDialog(empty, useRecordAcquisitionCost(), toCost, FIELDS);
  const titleId = 'spend-form-title';
  return (
    <Paper withBorder p="md">
      <form
        aria-labelledby={titleId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          dialog.onSubmit();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h5" id={titleId}>
            {t('acquisition.record')}
          </Title>
          {dialog.error && (
            <Alert color="red" variant="light" role="alert">
              {dialog.error}
            </Alert>
          )}
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput type="month" label={t('acquisition.month')} required placeholder="YYYY-MM" dir="ltr" miw={150} value={draft.month} onChange={(e) => change('month')(e.currentTarget.value)} error={error('month')} />
            <TextInput label={t('acquisition.channel')} placeholder={t('acquisition.channelPlaceholder')} maxLength={100} miw={150} value={draft.channel} onChange={(e) => change('channel')(e.currentTarget.value)} error={error('channel')} />
          </Group>
          <MoneyInput label={t('acquisition.amount')} required currency={currency} value={draft.amount} onChange={change('amount')} error={error('amount')} />
          <Text size="xs" c="dimmed">
            {t('acquisition.recordHint')}
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={dialog.pending}>
              {t('acquisition.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
