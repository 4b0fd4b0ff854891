import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldError, formError } from '../../../api/client.ts';
import { CursorPager, useCursor } from '../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { EmptyState, ErrorAlert, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useFlaggedReferrals, useReviewReferral, type Referral } from '../../../hooks/api/referrals.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { roleMay } from '../../../lib/roles.ts';

const customerLink = (id: string) => (
  <Anchor component={Link} to={`/customers/${id}`} size="sm" dir="ltr">
    {id}
  </Anchor>
);

/** Referrals the fraud checks held back: why, and an admin's approve or reject (with a reason). */
export function ReferralReviewSection() {
  const { t } = useTranslation();
  const cursor = useCursor();
  const referrals = useFlaggedReferrals(cursor.cursor);
  const review = useReviewReferral();
  const [rejecting, setRejecting] = useState<Referral | null>(null);
  const mayReview = roleMay(useSession().data?.program.role, 'manage');
  const columns: Column<Referral>[] = [
    { header: t('referrals.when'), td: { miw: 96 }, cell: (r) => formatDateTime(r.created_at) },
    { header: t('referrals.advocate'), cell: (r) => customerLink(r.advocate_id) },
    { header: t('referrals.friend'), cell: (r) => customerLink(r.friend_id) },
    {
      header: t('referrals.flags'),
      cell: (r) => (
        <Group gap={4}>
          {r.flags.map((flag) => (
            <Badge key={flag} variant="light" color="orange">
              {t(`referrals.flagNames.${flag}`, { defaultValue: flag })}
            </Badge>
          ))}
        </Group>
      ),
    },
    ...(mayReview
      ? [
          {
            header: t('common.actions'),
            hideHeader: true,
            td: { ta: 'end' as const },
            cell: (r: Referral) => (
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button size="xs" variant="light" color="green" loading={review.isPending && review.variables?.id === r.id} onClick={() => review.mutate({ id: r.id, decision: 'approve' })} aria-label={t('referrals.approveLabel', { friend: r.friend_id })}>
                  {t('referrals.approve')}
                </Button>
                <Button size="xs" variant="light" color="red" onClick={() => setRejecting(r)} aria-label={t('referrals.rejectLabel', { friend: r.friend_id })}>
                  {t('referrals.reject')}
                </Button>
              </Group>
            ),
          },
        ]
      : []),
  ];
  return (
    <Section id="referrals-title" title={t('referrals.title')}>
      {review.error && !rejecting && <ErrorAlert error={review.error} />}
      <Paper withBorder>
        <QueryState isPending={referrals.isPending} error={referrals.error}>
          {() => {
            const list = referrals.data!;
            if (list.data.length === 0) return <EmptyState title={t('referrals.empty')}>{t('referrals.emptyBody')}</EmptyState>;
            return (
              <>
                <DataTable rows={list.data} rowKey={(r) => r.id} columns={columns} minWidth={640} />
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
      {rejecting && <RejectDialog referral={rejecting} review={review} onClose={() => setRejecting(null)} />}
    </Section>
  );
}

function RejectDialog({ referral, review, onClose }: { referral: Referral; review: ReturnType<typeof useReviewReferral>; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const close = () => {
    review.reset();
    onClose();
  };
  const general = formError(review.error, ['reason']);
  return (
    <Modal opened onClose={close} title={t('referrals.rejectTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          review.mutate({ id: referral.id, decision: 'reject', reason: reason.trim() }, { onSuccess: close });
        }}
        noValidate
      >
        <Stack>
          {general && <ErrorAlert error={review.error} />}
          <Textarea label={t('referrals.reason')} description={t('referrals.reasonHint')} required autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(review.error, 'reason')} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={review.isPending}>
              {t('referrals.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
