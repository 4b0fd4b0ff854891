import type { Role } from '../platform/db/admin-user-tables.ts';

export type { Role };
export const ROLES: readonly Role[] = ['owner', 'admin', 'marketer', 'support', 'viewer'];

/**
 * What a write touches decides who may make it:
 * - `setup`: the program's configuration and analytics runs (marketers and up);
 * - `points`: adjusting a customer's points (support within the program's limit, admins, owners);
 * - `codes`: voiding a discount code (support, admins, owners);
 * - `manage`: everything else: customers' records, keys, connections, imports, users (admins, owners).
 * Reading is open to every role.
 */
export type Area = 'read' | 'setup' | 'points' | 'codes' | 'manage';

const allowed: Record<Area, readonly Role[]> = {
  read: ROLES,
  setup: ['owner', 'admin', 'marketer'],
  points: ['owner', 'admin', 'support'],
  codes: ['owner', 'admin', 'support'],
  manage: ['owner', 'admin'],
};

export const roleMay = (role: Role, area: Area): boolean => allowed[area].includes(role);

/** Only an owner makes, changes or removes an owner. */
export const mayAssign = (actor: Role, from: Role | null, to: Role | null): boolean => actor === 'owner' || (actor === 'admin' && from !== 'owner' && to !== 'owner');
