import type { Area, Role } from '../../lib/roles.ts';
import { roleMay } from '../../lib/roles.ts';

export interface NavItem {
  to: string;
  label: string;
  /** The URLs under which the item is the current one. */
  match: string;
  /** The role needs this area to see the item; none: every role. */
  area?: Area;
  /** Shown only while the Setup checklist has steps to do. */
  whileSetupOpen?: boolean;
}

/** The navbar's items, by i18n key; what a role cannot use is left out. */
const ITEMS: NavItem[] = [
  { to: '/getting-started', match: '/getting-started', label: 'nav.setup', area: 'setup', whileSetupOpen: true },
  { to: '/', match: '/', label: 'nav.home' },
  { to: '/customers', match: '/customers', label: 'nav.customers' },
  { to: '/segments', match: '/segments', label: 'nav.segments' },
  { to: '/profile-questions', match: '/profile-questions', label: 'nav.profileQuestions' },
  { to: '/program', match: '/program', label: 'nav.program' },
  { to: '/analytics', match: '/analytics', label: 'nav.analytics' },
  { to: '/surveys', match: '/surveys', label: 'nav.surveys' },
  { to: '/emails', match: '/emails', label: 'nav.emails' },
  { to: '/imports', match: '/imports', label: 'nav.imports', area: 'manage' },
  { to: '/developers/api-keys', match: '/developers', label: 'nav.developers', area: 'manage' },
  { to: '/settings/program', match: '/settings', label: 'nav.settings' },
];

export const navItems = (role: Role | undefined, setupOpen: boolean) => ITEMS.filter((item) => (!item.area || roleMay(role, item.area)) && (!item.whileSetupOpen || setupOpen));
