import { AppShell, Burger, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import '../../styles.css';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../../hooks/api/session.ts';
import { useSetupProgress } from '../../hooks/setup-progress.ts';
import { roleMay, type Role } from '../../lib/roles.ts';
import { ErrorAlert } from '../common/query-state.tsx';
import { PageLoader } from '../common/page-loader.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { navItems } from './nav.ts';
import { ProgramSwitcher } from './program-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

/** Every signed-in page: header, navbar, and the page. Without a session, the sign-in page. */
export function Shell() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure();

  if (session.isPending) return <PageLoader />;
  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  const data = session.data;
  const isActive = (match: string) => (match === '/' ? location.pathname === '/' : location.pathname.startsWith(match));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <UnstyledButton component="a" href="#main" className="skip-link">
        {t('shell.skip')}
      </UnstyledButton>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t(opened ? 'shell.closeMenu' : 'shell.openMenu')} aria-expanded={opened} />
            <Text component={Link} to="/" fw={700} size="lg" c="inherit" td="none" visibleFrom="xs">
              {t('app.name')}
            </Text>
            <ProgramSwitcher session={data} />
          </Group>
          <Group gap="xs" wrap="nowrap" visibleFrom="sm">
            <LanguageSwitch />
            <UserMenu session={data} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('shell.navigation')}>
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          {roleMay(data.program.role, 'setup') ? <NavWithSetup role={data.program.role} isActive={isActive} onNavigate={close} /> : <NavList role={data.program.role} setupOpen={false} isActive={isActive} onNavigate={close} />}
        </AppShell.Section>
        {/* On a phone the header has room for the menu and the program only; the rest is here. */}
        <AppShell.Section hiddenFrom="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Stack gap="sm" align="flex-start">
            <LanguageSwitch />
            <UserMenu session={data} />
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {/* Another program is another page: nothing typed or shown for the last one stays. */}
        <Suspense fallback={<PageLoader />} key={data.program.id}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

interface NavProps {
  role: Role;
  isActive: (match: string) => boolean;
  onNavigate: () => void;
}

function NavList({ role, setupOpen, isActive, onNavigate }: NavProps & { setupOpen: boolean }) {
  const { t } = useTranslation();
  return navItems(role, setupOpen).map((item) => <NavLink key={item.to} component={RouterNavLink} to={item.to} label={t(item.label)} active={isActive(item.match)} onClick={onNavigate} />);
}

/** For those who set the program up: the Setup checklist leads the navigation until it is done. */
function NavWithSetup(props: NavProps) {
  return <NavList {...props} setupOpen={useSetupProgress().open} />;
}
