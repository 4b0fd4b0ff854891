import { useTranslation } from 'react-i18next';
import { LinkTabs } from '../../../components/common/link-tabs.tsx';

/** The settings pages, each with its own URL. */
export function SettingsNav() {
  const { t } = useTranslation();
  return (
    <LinkTabs
      label={t('settings.sections')}
      tabs={[
        { to: '/settings/program', label: t('settings.program') },
        { to: '/settings/users', label: t('settings.users') },
        { to: '/settings/audit-log', label: t('settings.auditLog') },
      ]}
    />
  );
}
