import { Button, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../../components/common/form-dialog.tsx';
import { useReplayWebhookDeliveries } from '../../../../hooks/api/webhooks.ts';
import { useFormDialog } from '../../../../hooks/use-form-dialog.ts';
import { localInput, toUtc } from '../../../../lib/local-time.ts';

const FIELDS = ['since'] as const;

const toReplay = (draft: { since: string }): { since: string } => ({ since: toUtc(draft.since) });

/** After the receiver was down: every delivery that failed since a time is sent again. */
export function ReplayButton({ endpointId, onReplayed }: { endpointId: string; onReplayed: (requeued: number) => void }) {
  const { t } = useTranslation();
  const empty = { since: localInput(new Date(Date.now() - 24 * 3_600_000)) };
  const { open, draft, change, error, dialog } = useFormDialog(empty, useReplayWebhookDeliveries(endpointId, onReplayed), toReplay, FIELDS);
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('webhooks.replay')}
      </Button>
      <FormDialog {...dialog} title={t('webhooks.replayTitle')} submitLabel={t('webhooks.replaySubmit')}>
        <Text size="sm">{t('webhooks.replayHint')}</Text>
        <TextInput type="datetime-local" label={t('webhooks.replaySince')} required value={draft.since} onChange={(e) => change('since')(e.currentTarget.value)} error={error('since')} data-autofocus />
      </FormDialog>
    </>
  );
}
