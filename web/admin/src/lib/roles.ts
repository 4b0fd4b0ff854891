// Who may do what, mirroring the engine's rules (src/users/roles.ts) so the dashboard hides what a
// role cannot use. The engine still decides: a hidden button is a courtesy, not the guard.
export const ROLES = ['owner', 'admin', 'marketer', 'support', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** setup: program configuration; points: adjusting points; codes: voiding codes; manage: keys, imports, users. */
export type Area = 'setup' | 'points' | 'codes' | 'manage';

const allowed: Record<Area, readonly Role[]> = {
  setup: ['owner', 'admin', 'marketer'],
  points: ['owner', 'admin', 'support'],
  codes: ['owner', 'admin', 'support'],
  manage: ['owner', 'admin'],
};

export const roleMay = (role: Role | undefined, area: Area): boolean => role !== undefined && allowed[area].includes(role);

/** The roles `actor` may give: only an owner makes another owner. */
export const assignableRoles = (actor: Role | undefined): Role[] => (actor === 'owner' ? [...ROLES] : actor === 'admin' ? ROLES.filter((r) => r !== 'owner') : []);
