import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../components/common/money-input.tsx';
import type { Program } from '../../../hooks/api/program.ts';
import { formatNumber } from '../../../lib/format.ts';
import { usePreviewThresholds, useRecalculation, useSaveThresholds, type ThresholdChange, type Tier } from '../../../hooks/api/tiers.ts';
import { RecalculationProgress } from './recalculation-progress.tsx';

/**
 * New thresholds for the tiers, previewed before they are saved ("12 customers move up, 40
 * down"), then saved and applied to everyone by a recalculation whose progress shows here.
 */
export function ChangeThresholdsButton({ tiers, program }: { tiers: Tier[]; program: Program }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure();
  const [values, setValues] = useState<Record<string, number | ''>>({});
  const preview = usePreviewThresholds();
  const save = useSaveThresholds();
  const job = useRecalculation(save.data?.id);
  const changes: ThresholdChange[] = tiers.flatMap((tier) => {
    const value = values[tier.id];
    return value === undefined || value === '' || value === tier.threshold ? [] : [{ tier_id: tier.id, threshold: value }];
  });
  const set = (id: string) => (value: number | '') => {
    preview.reset();
    setValues((v) => ({ ...v, [id]: value }));
  };
  const done = () => {
    close();
    setValues({});
    preview.reset();
    save.reset();
  };
  const error = preview.error ?? save.error;
  const running = save.data !== undefined;

  return (
    <>
      <Button variant="light" onClick={open}>
        {t('tiers.change')}
      </Button>
      <Modal opened={opened} onClose={done} title={t('tiers.change')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('tiers.changeHint')}
          </Text>
          {tiers.map((tier) => {
            const label = t('tiers.thresholdOf', { name: tier.name });
            const value = values[tier.id] ?? tier.threshold;
            return program.tier_metric === 'amount_spent' ? (
              <MoneyInput key={tier.id} label={label} currency={program.currency} value={value} onChange={set(tier.id)} />
            ) : (
              <NumberInput key={tier.id} label={label} min={0} allowDecimal={false} value={value} onChange={(v) => set(tier.id)(typeof v === 'number' ? v : '')} disabled={running} />
            );
          })}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error.message}
            </Alert>
          )}
          {preview.data && !running && (
            <Alert color="blue" variant="light" role="status">
              {t('tiers.previewResult', { up: formatNumber(preview.data.moved_up), down: formatNumber(preview.data.moved_down), customers: formatNumber(preview.data.customers) })}
            </Alert>
          )}
          {running && <RecalculationProgress processed={job.data?.processed ?? 0} customers={job.data?.customers ?? save.data!.customers} done={job.data?.status === 'done'} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={done}>
              {running ? t('common.close') : t('common.cancel')}
            </Button>
            {!running && (
              <>
                <Button variant="light" disabled={changes.length === 0} loading={preview.isPending} onClick={() => preview.mutate(changes)}>
                  {t('tiers.preview')}
                </Button>
                <Button disabled={changes.length === 0 || !preview.data} loading={save.isPending} onClick={() => save.mutate(changes)}>
                  {t('tiers.save')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
