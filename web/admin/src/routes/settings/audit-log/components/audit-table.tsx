import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPager, type useCursor } from '../../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../../components/common/query-state.tsx';
import { useAuditLog, type AuditEntry, type AuditFilter } from '../../../../hooks/api/audit-log.ts';
import { formatDateTime } from '../../../../lib/format.ts';

const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** The fields that changed, each as before → after; a whole object when one side is missing. */
function changes(entry: AuditEntry): { key: string; before: string; after: string }[] {
  const { before, after } = entry;
  if (before === null && after === null) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => ({ key: k, before: show(before[k]), after: show(after[k]) }));
  }
  return [{ key: '', before: show(before ?? undefined), after: show(after ?? undefined) }];
}

export function AuditTable({ filter, cursor }: { filter: AuditFilter; cursor: ReturnType<typeof useCursor> }) {
  const { t } = useTranslation();
  const log = useAuditLog(filter, cursor.cursor);
  const columns: Column<AuditEntry>[] = [
    { header: t('audit.when'), td: { style: { whiteSpace: 'nowrap' } }, cell: (entry) => formatDateTime(entry.created_at) },
    {
      header: t('audit.actor'),
      cell: (entry) => (
        <>
          <Text size="sm">
            <bdi>{entry.actor_name ?? entry.actor}</bdi>
          </Text>
          {entry.actor_name && (
            <Text size="xs" c="dimmed" dir="ltr" style={{ textAlign: 'start' }}>
              {entry.actor}
            </Text>
          )}
        </>
      ),
    },
    {
      header: t('audit.action'),
      cell: (entry) => (
        <>
          <Code>{entry.action}</Code>
          {entry.subject && (
            <Text size="xs" c="dimmed" dir="ltr" style={{ textAlign: 'start' }}>
              {entry.subject.id}
            </Text>
          )}
        </>
      ),
    },
    {
      header: t('audit.change'),
      cell: (entry) => (
        <Stack gap={2}>
          {changes(entry).map((c) => (
            <Text size="xs" key={c.key} dir="ltr" style={{ textAlign: 'start', overflowWrap: 'anywhere' }}>
              {c.key && <strong>{c.key}: </strong>}
              {c.before} → {c.after}
            </Text>
          ))}
        </Stack>
      ),
    },
    {
      header: t('audit.reason'),
      cell: (entry) => (
        <Text size="sm">
          <bdi>{entry.reason ?? '—'}</bdi>
        </Text>
      ),
    },
  ];
  return (
    <QueryState isPending={log.isPending} error={log.error}>
      {() => {
        const list = log.data!;
        if (list.data.length === 0)
          return Object.keys(filter).length ? <EmptyState title={t('audit.noMatch')}>{t('audit.noMatchBody')}</EmptyState> : <EmptyState title={t('audit.empty')}>{t('audit.emptyBody')}</EmptyState>;
        return (
          <>
            <DataTable rows={list.data} rowKey={(entry) => entry.id} columns={columns} minWidth={760} verticalSpacing="sm" />
            <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
          </>
        );
      }}
    </QueryState>
  );
}
