import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** The Segments pages, as tabs that are links: the segments (with their gifts), and the offer experiments on them. */
export function SegmentsNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Tabs value={pathname} onChange={(to) => to && void navigate(to)} mb="lg" keepMounted={false} activateTabWithKeyboard={false}>
      <Tabs.List aria-label={t('segments.sections')}>
        <Tabs.Tab value="/segments">{t('segments.title')}</Tabs.Tab>
        <Tabs.Tab value="/segments/experiments">{t('experiments.title')}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
