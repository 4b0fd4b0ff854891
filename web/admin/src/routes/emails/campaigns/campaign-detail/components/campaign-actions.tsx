import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCancelEmailCampaign, type EmailCampaign } from '../../../../../hooks/api/email-campaigns.ts';

/** Change it while it is scheduled; cancel it (after asking) until it has sent everything. */
export function CampaignActions({ campaign: c, cancel }: { campaign: EmailCampaign; cancel: ReturnType<typeof useCancelEmailCampaign> }) {
  const { t } = useTranslation();
  const onCancel = () => {
    if (window.confirm(t(c.status === 'scheduled' ? 'campaigns.confirmCancel' : 'campaigns.confirmStop', { name: c.name }))) cancel.mutate(c.id);
  };
  return (
    <Group gap="sm">
      {c.status === 'scheduled' && (
        <Button variant="default" component={Link} to={`/emails/campaigns/${c.id}/edit`}>
          {t('campaigns.edit')}
        </Button>
      )}
      {(c.status === 'scheduled' || c.status === 'sending') && (
        <Button variant="light" color="red" loading={cancel.isPending} onClick={onCancel}>
          {t('campaigns.cancel')}
        </Button>
      )}
    </Group>
  );
}
