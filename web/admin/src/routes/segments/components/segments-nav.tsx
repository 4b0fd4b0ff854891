import { useTranslation } from 'react-i18next';
import { LinkTabs } from '../../../components/common/link-tabs.tsx';

/** The Segments pages: the segments (with their gifts), and the offer experiments on them. */
export function SegmentsNav() {
  const { t } = useTranslation();
  return (
    <LinkTabs
      label={t('segments.sections')}
      tabs={[
        { to: '/segments', label: t('segments.title') },
        { to: '/segments/experiments', label: t('experiments.title') },
      ]}
    />
  );
}
