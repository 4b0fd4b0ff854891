import { Alert, Anchor, Button, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/common/page-header.tsx';
import { EmptyState, QueryState } from '../../components/common/query-state.tsx';
import type { Gift } from '../../hooks/api/gifts.ts';
import { useSegments } from '../../hooks/api/segments.ts';
import { useSession } from '../../hooks/api/session.ts';
import { roleMay } from '../../lib/roles.ts';
import { GiftDialog, useGiftForm } from './components/gift-dialog.tsx';
import { GiftsSection } from './components/gifts-section.tsx';
import { SegmentCustomers } from './components/segment-customers.tsx';
import { SegmentDialog, useSegmentForm } from './components/segment-dialog.tsx';
import { SegmentsNav } from './components/segments-nav.tsx';
import { SegmentTable } from './components/segment-table.tsx';
import { draftOf } from './segment-draft.ts';

/** Saved audiences for rewards, gifts, exports and experiments (the next tab): each with its conditions, its count now, and (`?segment=` chooses which) its customers; then the gifts given to them. */
export default function SegmentsPage() {
  const { t } = useTranslation();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const segments = useSegments();
  const form = useSegmentForm();
  const [given, setGiven] = useState<Gift | null>(null);
  const gift = useGiftForm(setGiven);
  const [params] = useSearchParams();
  const list = segments.data?.data ?? [];
  const selected = list.find((s) => s.id === params.get('segment')) ?? list[0];
  return (
    <>
      <PageHeader title={t('segments.title')} description={t('segments.description')} actions={mayChange && <Button onClick={form.open}>{t('segments.new')}</Button>} />
      <SegmentsNav />
      <Stack gap="xl">
        {/* The gifts are at the page's end, under the customers: the one just made is a click away. */}
        {given && (
          <Alert color="blue" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setGiven(null)}>
            {t(given.status === 'scheduled' && Date.parse(given.scheduled_at) > Date.now() ? 'gifts.scheduled' : 'gifts.givenSoon')} <Anchor href="#gifts-title" c="inherit" fw={600} underline="always">{t('gifts.seeProgress')}</Anchor>
          </Alert>
        )}
        <Paper withBorder>
          <QueryState isPending={segments.isPending} error={segments.error}>
            {() =>
              list.length === 0 ? (
                <EmptyState title={t('segments.empty')} action={<Anchor href="/docs#tag/segments">{t('segments.reference')}</Anchor>}>
                  {t('segments.emptyBody')}
                </EmptyState>
              ) : (
                <SegmentTable segments={list} selectedId={selected?.id} mayChange={mayChange} onEdit={(s) => form.edit(draftOf(s))} onGift={gift.give} />
              )
            }
          </QueryState>
        </Paper>
        {selected && <SegmentCustomers key={selected.id} segment={selected} />}
        <GiftsSection segments={list} mayChange={mayChange} />
      </Stack>
      {mayChange && <SegmentDialog form={form} />}
      {mayChange && <GiftDialog form={gift} />}
    </>
  );
}
