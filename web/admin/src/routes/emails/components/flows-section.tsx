import { Badge, Button, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { ErrorAlert, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useEmailFlows, useEmailReport, useUpdateEmailFlow, type EmailFlow } from '../../../hooks/api/emails.ts';
import { useProgram } from '../../../hooks/api/program.ts';
import { formatMoney, formatNumber } from '../../../lib/format.ts';
import { periodRange } from '../../../lib/period.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { roleMay } from '../../../lib/roles.ts';
import { TemplateDialog } from './template-dialog.tsx';

/** Each flow: on or off, marketing or transactional, its steps; a step's template opens to read, edit and preview. */
export function FlowsSection() {
  const { t } = useTranslation();
  const flows = useEmailFlows();
  const update = useUpdateEmailFlow();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const [editing, setEditing] = useState<string | null>(null);
  const report = useEmailReport(periodRange('30d'));
  const currency = useProgram().data?.currency ?? 'USD';
  const statsOf = (flow: string) => report.data?.flows.find((r) => r.flow === flow);
  const columns: Column<EmailFlow>[] = [
    {
      header: t('emails.flow'),
      cell: (f) => (
        <Stack gap={0}>
          <Text fw={500} size="sm">
            {t(`emails.flows.${f.flow}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`emails.flowHints.${f.flow}`)}
          </Text>
        </Stack>
      ),
    },
    { header: t('emails.category'), cell: (f) => <Badge variant="light" color={f.category === 'marketing' ? 'grape' : 'gray'}>{t(`emails.categories.${f.category}`)}</Badge> },
    {
      header: t('emails.templates'),
      cell: (f) => (
        <Stack gap={4} align="flex-start">
          {f.steps.map((step, i) => (
            <Button key={step} size="compact-xs" variant="subtle" onClick={() => setEditing(step)} aria-label={t('emails.openTemplate', { flow: t(`emails.flows.${f.flow}`), step: i + 1 })}>
              {f.steps.length > 1 ? t('emails.step', { step: i + 1 }) : t('emails.template')}
            </Button>
          ))}
        </Stack>
      ),
    },
    {
      header: t('emails.sent30'),
      align: 'end',
      cell: (f) => {
        const r = statsOf(f.flow);
        return r ? formatNumber(r.sent + r.outbox) : '—';
      },
    },
    {
      header: t('emails.ordersAfter'),
      align: 'end',
      visibleFrom: 'sm',
      cell: (f) => {
        const r = statsOf(f.flow);
        return r ? (
          <Stack gap={0} align="flex-end">
            <Text size="sm">{formatNumber(r.orders)}</Text>
            <Text size="xs" c="dimmed">
              {formatMoney(r.revenue, currency)}
            </Text>
          </Stack>
        ) : (
          '—'
        );
      },
    },
    {
      header: t('program.status'),
      cell: (f) => (
        <Switch
          checked={f.enabled}
          disabled={!mayChange || (update.isPending && update.variables?.flow === f.flow)}
          onChange={(e) => update.mutate({ flow: f.flow, change: { enabled: e.currentTarget.checked } })}
          label={f.enabled ? t('emails.on') : t('emails.off')}
          aria-label={t('emails.toggle', { flow: t(`emails.flows.${f.flow}`) })}
        />
      ),
    },
  ];
  return (
    <Section id="email-flows-title" title={t('emails.flowsTitle')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('emails.flowsHint')}
      </Text>
      {update.error && <ErrorAlert error={update.error} />}
      <Paper withBorder>
        <QueryState isPending={flows.isPending} error={flows.error}>
          {() => <DataTable rows={flows.data!.data} rowKey={(f) => f.flow} columns={columns} minWidth={760} />}
        </QueryState>
      </Paper>
      {editing && <TemplateDialog template={editing} mayChange={mayChange} onClose={() => setEditing(null)} />}
    </Section>
  );
}
