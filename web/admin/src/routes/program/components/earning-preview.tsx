import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError } from '../../../api/client.ts';
import { usePreviewEarning, useProgram, type NewEarningRule } from '../../../hooks/api/program.ts';
import { formatNumber } from '../../../lib/format.ts';
import { MoneyInput } from '../../../components/common/money-input.tsx';

const FIELDS = ['subtotal', 'discount'] as const;

/**
 * "Try an order": a cart's subtotal and discount, and the points it would earn with each rule's
 * explanation, from the engine's own evaluation. With `draft`, the rule being written joins the saved ones.
 */
export function EarningPreview({ draft }: { draft?: NewEarningRule }) {
  const { t } = useTranslation();
  const program = useProgram();
  const preview = usePreviewEarning();
  const [subtotal, setSubtotal] = useState<number | ''>(5000);
  const [discount, setDiscount] = useState<number | ''>(0);
  const currency = program.data?.currency ?? 'USD';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (subtotal === '') return;
    preview.mutate({ subtotal, discount: discount === '' ? 0 : discount, ...(draft ? { rule: draft } : {}) });
  };
  const general = formError(preview.error, FIELDS);

  return (
    <form onSubmit={submit} noValidate aria-label={t('preview.title')}>
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <MoneyInput label={t('preview.subtotal')} currency={currency} value={subtotal} onChange={setSubtotal} error={fieldError(preview.error, 'subtotal')} />
          <MoneyInput label={t('preview.discount')} currency={currency} value={discount} onChange={setDiscount} error={fieldError(preview.error, 'discount')} />
          <Button type="submit" variant="light" loading={preview.isPending}>
            {t('preview.run')}
          </Button>
        </Group>
        {general && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
        {preview.data && (
          <div role="status" aria-live="polite">
            <Text fw={600}>{t('preview.total', { points: t('common.points', { count: preview.data.points, formatted: formatNumber(preview.data.points) }) })}</Text>
            {preview.data.awards.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('preview.none')}
              </Text>
            ) : (
              <List size="sm" spacing={4} mt={4}>
                {preview.data.awards.map((award) => (
                  <List.Item key={award.rule_id ?? 'draft'}>
                    <Text span fw={500}>
                      <bdi>{award.rule_name}</bdi>
                      {award.rule_id === null ? ` (${t('preview.draft')})` : ''}:
                    </Text>{' '}
                    <bdi dir="ltr">{award.explanation.summary}</bdi>
                  </List.Item>
                ))}
              </List>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {t('preview.note')}
            </Text>
          </div>
        )}
      </Stack>
    </form>
  );
}
