import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** The settings pages, as tabs that are links (each has its own URL). */
export function SettingsNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Tabs value={pathname} onChange={(to) => to && void navigate(to)} mb="lg" keepMounted={false} activateTabWithKeyboard={false}>
      <Tabs.List aria-label={t('settings.sections')}>
        <Tabs.Tab value="/settings/program">{t('settings.program')}</Tabs.Tab>
        <Tabs.Tab value="/settings/users">{t('settings.users')}</Tabs.Tab>
        <Tabs.Tab value="/settings/audit-log">{t('settings.auditLog')}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
