import { Box, Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursor } from '../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { EmptyState, ErrorAlert, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useCancelGift, useGifts, type Gift } from '../../../hooks/api/gifts.ts';
import { useRewards } from '../../../hooks/api/program.ts';
import type { Segment } from '../../../hooks/api/segments.ts';
import { formatDateTime, formatNumber, isolate } from '../../../lib/format.ts';
import { GiftProgress } from './gift-progress.tsx';

/** The gifts given and to give, newest first: to whom, what, why, and how far each has got; a scheduled one can still be cancelled. */
export function GiftsSection({ segments, mayChange }: { segments: Segment[]; mayChange: boolean }) {
  const { t } = useTranslation();
  const cursor = useCursor();
  const gifts = useGifts(cursor.cursor);
  const rewards = useRewards().data?.data ?? [];
  const cancel = useCancelGift();
  const what = (g: Gift) => (g.points !== null ? t('common.points', { count: g.points, formatted: formatNumber(g.points) }) : (rewards.find((r) => r.id === g.reward_id)?.name ?? t('gifts.aReward')));
  const to = (g: Gift) => {
    if (g.customer_ids) return t('gifts.toCustomers', { count: g.customer_ids.length, formatted: formatNumber(g.customer_ids.length) });
    const segment = segments.find((s) => s.id === g.segment_id);
    return segment ? t('gifts.toNamed', { name: isolate(segment.name) }) : t('gifts.toDeleted');
  };
  const onCancel = (g: Gift) => {
    if (window.confirm(t('gifts.confirmCancel', { what: what(g), to: to(g) }))) cancel.mutate(g.id);
  };
  const cancelButton = (g: Gift) =>
    mayChange &&
    g.status === 'scheduled' && (
      <Button size="xs" variant="subtle" color="red" loading={cancel.isPending && cancel.variables === g.id} onClick={() => onCancel(g)} aria-label={t('gifts.cancelNamed', { what: what(g), to: to(g) })}>
        {t('gifts.cancel')}
      </Button>
    );
  // When it is (or was) due to be given; how far it has got is in its status.
  const when = (g: Gift) => formatDateTime(g.scheduled_at);
  const columns: Column<Gift>[] = [
    {
      header: t('gifts.gift'),
      td: { miw: 170 },
      cell: (g) => (
        <Stack gap={2} align="flex-start">
          <Text fw={600} size="sm">
            <bdi>{what(g)}</bdi>
          </Text>
          <Text size="sm">{to(g)}</Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            <bdi>{g.reason}</bdi>
          </Text>
          {/* On a phone the time and the button are under the reason, not in columns of their own. */}
          <Box hiddenFrom="sm">
            <Text size="xs" c="dimmed">
              {when(g)}
            </Text>
            {cancelButton(g)}
          </Box>
        </Stack>
      ),
    },
    { header: t('program.status'), td: { miw: 140 }, cell: (g) => <GiftProgress gift={g} /> },
    { header: t('gifts.when'), visibleFrom: 'sm', td: { style: { whiteSpace: 'nowrap' } }, cell: when },
    ...(mayChange ? [{ header: t('common.actions'), hideHeader: true, visibleFrom: 'sm' as const, td: { ta: 'end' as const }, cell: cancelButton }] : []),
  ];
  return (
    <Section id="gifts-title" title={t('gifts.title')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('gifts.description')}
      </Text>
      {cancel.error && <ErrorAlert error={cancel.error} title={t('gifts.notCancelled')} />}
      <Paper withBorder>
        <QueryState isPending={gifts.isPending} error={gifts.error}>
          {() => {
            const list = gifts.data!;
            if (list.data.length === 0) return <EmptyState title={t('gifts.empty')}>{t('gifts.emptyBody')}</EmptyState>;
            return (
              <>
                <DataTable rows={list.data} rowKey={(g) => g.id} columns={columns} minWidth={320} />
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
