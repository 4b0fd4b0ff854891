import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** The Developers pages, as tabs that are links (each has its own URL). */
export function DevelopersNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Tabs value={pathname} onChange={(to) => to && void navigate(to)} mb="lg" keepMounted={false} activateTabWithKeyboard={false}>
      <Tabs.List aria-label={t('developers.sections')}>
        <Tabs.Tab value="/developers/api-keys">{t('developers.apiKeys')}</Tabs.Tab>
        <Tabs.Tab value="/developers/connections">{t('developers.connections')}</Tabs.Tab>
        <Tabs.Tab value="/developers/webhooks">{t('developers.webhooks')}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
