import { useTranslation } from 'react-i18next';
import { LinkTabs } from '../../../components/common/link-tabs.tsx';

/** The Developers pages, each with its own URL. */
export function DevelopersNav() {
  const { t } = useTranslation();
  return (
    <LinkTabs
      label={t('developers.sections')}
      tabs={[
        { to: '/developers/api-keys', label: t('developers.apiKeys') },
        { to: '/developers/connections', label: t('developers.connections') },
        { to: '/developers/webhooks', label: t('developers.webhooks') },
      ]}
    />
  );
}
