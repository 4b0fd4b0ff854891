import { Anchor, Badge, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager, useCursor } from '../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useEmailMessages, type EmailMessage, type EmailStatus } from '../../../hooks/api/emails.ts';
import { formatDateTime } from '../../../lib/format.ts';

const STATUSES: EmailStatus[] = ['queued', 'deferred', 'sent', 'outbox', 'suppressed', 'failed', 'cancelled'];
const COLORS: Record<EmailStatus, string> = { queued: 'blue', deferred: 'yellow', sent: 'green', outbox: 'teal', suppressed: 'gray', failed: 'red', cancelled: 'gray' };

/**
 * The messages, newest first: sent, in the outbox (no SMTP), held back or not sent, each with why;
 * with `campaignId`, that campaign's, asked again whenever `version` (its report) changes.
 */
export function MessagesSection({ campaignId, version }: { campaignId?: string; version?: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<EmailStatus | ''>('');
  const cursor = useCursor();
  const messages = useEmailMessages({ ...(status ? { status } : {}), ...(campaignId ? { campaign_id: campaignId } : {}), ...(cursor.cursor ? { starting_after: cursor.cursor } : {}) }, version);
  const statusOf = (m: EmailMessage, wrap: boolean) => (
    <Group gap={6} wrap={wrap ? 'wrap' : 'nowrap'}>
      <Badge variant="light" color={COLORS[m.status]}>
        {t(`emails.statuses.${m.status}`)}
      </Badge>
      {m.reason && (
        <Text size="xs" c="dimmed">
          {t(`emails.reasons.${m.reason}`, { defaultValue: m.reason })}
        </Text>
      )}
    </Group>
  );
  const when = (m: EmailMessage) => formatDateTime(m.sent_at ?? m.send_after);
  const columns: Column<EmailMessage>[] = campaignId
    ? [
        // A campaign's messages are all of one campaign, with one subject: who, when, and how it went, narrow enough for a phone.
        {
          header: t('emails.to'),
          cell: (m) => (
            <>
              <Anchor component={Link} to={`/customers/${m.customer_id}`} size="sm" dir={m.to ? 'ltr' : undefined} style={{ overflowWrap: 'anywhere' }}>
                {m.to ?? t('campaigns.theCustomer')}
              </Anchor>
              <Text size="xs" c="dimmed" hiddenFrom="sm">
                {when(m)}
              </Text>
            </>
          ),
        },
        { header: t('emails.when'), visibleFrom: 'sm', cell: when },
        { header: t('program.status'), cell: (m) => statusOf(m, true) },
      ]
    : [
        { header: t('emails.when'), cell: when },
        { header: t('emails.flow'), cell: (m) => t(`emails.flows.${m.flow}`) },
        {
          header: t('emails.to'),
          cell: (m) => (
            <Text size="sm" dir="ltr" ta="start">
              {m.to ?? '—'}
            </Text>
          ),
        },
        { header: t('emails.subject'), visibleFrom: 'md', cell: (m) => <bdi>{m.subject ?? '—'}</bdi> },
        { header: t('program.status'), cell: (m) => statusOf(m, false) },
      ];
  return (
    <Section
      id="email-messages-title"
      title={t('emails.messagesTitle')}
      actions={
        <NativeSelect
          aria-label={t('emails.statusFilter')}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value as EmailStatus | '');
            cursor.reset();
          }}
          data={[{ value: '', label: t('emails.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`emails.statuses.${s}`) }))]}
        />
      }
    >
      <Paper withBorder>
        <QueryState isPending={messages.isPending} error={messages.error}>
          {() =>
            messages.data!.data.length === 0 ? (
              <EmptyState title={t('emails.noMessages')}>{campaignId ? t('campaigns.noMessagesBody') : t('emails.noMessagesBody')}</EmptyState>
            ) : (
              <>
                <DataTable rows={messages.data!.data} rowKey={(m) => m.id} columns={columns} minWidth={campaignId ? 320 : 640} />
                <CursorPager cursor={cursor} hasMore={messages.data!.has_more} lastId={messages.data!.data.at(-1)?.id} />
              </>
            )
          }
        </QueryState>
      </Paper>
    </Section>
  );
}
