import { useTranslation } from 'react-i18next';
import { LinkTabs } from '../../../components/common/link-tabs.tsx';

/** The Emails pages: the lifecycle flows, and the one-off campaigns. */
export function EmailsNav() {
  const { t } = useTranslation();
  return (
    <LinkTabs
      label={t('emails.sections')}
      tabs={[
        { to: '/emails', label: t('emails.flowsTab') },
        { to: '/emails/campaigns', label: t('campaigns.title') },
      ]}
    />
  );
}
