import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** The Emails pages, as tabs that are links: the lifecycle flows, and the one-off campaigns. */
export function EmailsNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Tabs value={pathname} onChange={(to) => to && void navigate(to)} mb="lg" keepMounted={false} activateTabWithKeyboard={false}>
      <Tabs.List aria-label={t('emails.sections')}>
        <Tabs.Tab value="/emails">{t('emails.flowsTab')}</Tabs.Tab>
        <Tabs.Tab value="/emails/campaigns">{t('campaigns.title')}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
