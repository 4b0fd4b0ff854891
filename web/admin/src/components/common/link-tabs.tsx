import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

export interface LinkTab {
  to: string;
  label: string;
}

/** A section's pages as tabs that are links: each tab is a URL, the current one is selected. */
export function LinkTabs({ label, tabs }: { label: string; tabs: LinkTab[] }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Tabs value={pathname} onChange={(to) => to && void navigate(to)} mb="lg" keepMounted={false} activateTabWithKeyboard={false}>
      <Tabs.List aria-label={label}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.to} value={tab.to}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
