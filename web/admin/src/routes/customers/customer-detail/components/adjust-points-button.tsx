import { Button, NumberInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError } from '../../../../api/client.ts';
import { FormDialog } from '../../../../components/common/form-dialog.tsx';
import { useAdjustPoints, type Customer } from '../../../../hooks/api/customers.ts';
import { formatNumber } from '../../../../lib/format.ts';

const FIELDS = ['points', 'reason'] as const;

/** Adds or removes points by hand; the reason is required and lands in the ledger and the audit log. */
export function AdjustPointsButton({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure();
  const adjust = useAdjustPoints(customer.id);
  const [points, setPoints] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);

  const done = () => {
    close();
    setPoints('');
    setReason('');
    setChecked(false);
    adjust.reset();
  };
  const submit = () => {
    setChecked(true);
    if (points === '' || points === 0 || !reason.trim()) return;
    adjust.mutate({ points, reason: reason.trim() }, { onSuccess: done });
  };
  const general = formError(adjust.error, FIELDS);

  return (
    <>
      <Button onClick={open}>{t('adjust.open')}</Button>
      <FormDialog opened={opened} onClose={done} title={t('adjust.title')} onSubmit={submit} pending={adjust.isPending} error={general} submitLabel={t('adjust.submit')}>
            <NumberInput
              label={t('adjust.points')}
              description={t('adjust.pointsHint', { balance: formatNumber(customer.points_balance) })}
              required
              allowDecimal={false}
              value={points}
              onChange={(value) => setPoints(typeof value === 'number' ? value : value === '' || value === '-' ? '' : Number(value))}
              error={fieldError(adjust.error, 'points') ?? (checked && (points === '' || points === 0) ? t('adjust.pointsRequired') : undefined)}
              data-autofocus
            />
            <Textarea
              label={t('adjust.reason')}
              description={t('adjust.reasonHint')}
              required
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldError(adjust.error, 'reason') ?? (checked && !reason.trim() ? t('adjust.reasonRequired') : undefined)}
            />
      </FormDialog>
    </>
  );
}
