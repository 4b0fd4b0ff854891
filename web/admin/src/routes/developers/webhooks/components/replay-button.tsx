import { Button, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../../components/common/form-dialog.tsx';
import { useReplayWebhookDeliveries } from '../../../../hooks/api/webhooks.ts';
import { useFormDialog } from '../../../../hooks/use-form-dialog.ts';

const FIELDS = ['since'] as const;

/** A datetime-local input's value (the browser's own time zone) for a moment. */
const localInput = (at: Date) => new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The local time typed, as the API's UTC ISO 8601; what is not a time goes as typed, for the API to name. */
function toReplay(draft: { since: string }): { since: string } {
  const at = new Date(draft.since);
  return { since: Number.isNaN(at.getTime()) ? draft.since : at.toISOString() };
}

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
