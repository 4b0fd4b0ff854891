import { Button, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager, useCursor } from '../../../../components/common/cursor-pager.tsx';
import { PageHeader } from '../../../../components/common/page-header.tsx';
import { EmptyState, QueryState } from '../../../../components/common/query-state.tsx';
import { useEmailCampaigns } from '../../../../hooks/api/email-campaigns.ts';
import { useSession } from '../../../../hooks/api/session.ts';
import { roleMay } from '../../../../lib/roles.ts';
import { EmailsNav } from '../../components/emails-nav.tsx';
import { CampaignTable } from './components/campaign-table.tsx';

/** The one-off campaigns, newest first: to whom, when, and what their emails did. */
export default function CampaignListPage() {
  const { t } = useTranslation();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const cursor = useCursor();
  const campaigns = useEmailCampaigns(cursor.cursor);
  const newButton = mayChange && (
    <Button component={Link} to="/emails/campaigns/new">
      {t('campaigns.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('emails.title')} description={t('campaigns.description')} actions={newButton} />
      <EmailsNav />
      <Paper withBorder>
        <QueryState isPending={campaigns.isPending} error={campaigns.error}>
          {() => {
            const list = campaigns.data!;
            if (list.data.length === 0) return <EmptyState title={t('campaigns.empty')}>{t('campaigns.emptyBody')}</EmptyState>;
            return (
              <>
                <CampaignTable campaigns={list.data} />
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
    </>
  );
}
