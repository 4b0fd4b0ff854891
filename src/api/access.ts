import type { FastifyRequest } from 'fastify';
import { RegularsError } from '../platform/errors.ts';
import { roleMay, type Area, type Role } from '../users/roles.ts';

/** Route prefixes a marketer may write to: the program's configuration and analytics runs. */
const SETUP = ['/v1/earning-rules', '/v1/rewards', '/v1/tiers', '/v1/stamp-cards', '/v1/challenges', '/v1/membership-plans', '/v1/charity/causes', '/v1/referral-program', '/v1/analytics/backtest', '/v1/email-flows', '/v1/email-templates', '/v1/products', '/v1/segments', '/v1/gifts', '/v1/email-campaigns', '/v1/experiments', '/v1/acquisition-costs', '/v1/profile-questions'];

const EXACT: Record<string, Area> = {
  'PATCH /v1/program': 'setup',
  'POST /v1/earning-rules/preview': 'read',
  'POST /v1/email-templates/:template/preview': 'read',
  'POST /v1/segments/preview': 'read',
  'POST /v1/email-campaigns/preview': 'read',
  'POST /v1/customers/:id/adjustments': 'points',
  'POST /v1/redemptions/:id/void': 'codes',
};

/** Which part of the program a request touches (roles.ts says who may). */
export function areaOf(method: string, route: string): Area {
  if (method === 'GET' || method === 'HEAD') return 'read';
  const exact = EXACT[`${method} ${route}`];
  if (exact) return exact;
  return SETUP.some((prefix) => route === prefix || route.startsWith(`${prefix}/`)) ? 'setup' : 'manage';
}

const refusal: Record<Area, string> = {
  read: 'read the program',
  setup: 'change the program’s setup',
  points: 'adjust points',
  codes: 'void discount codes',
  manage: 'make this change (it needs an admin or an owner)',
};

/** Refuses a signed-in user whose role does not cover the request; keys may do everything. */
export function checkRole(request: FastifyRequest, role: Role): void {
  const area = areaOf(request.method, request.routeOptions.url ?? '');
  if (!roleMay(role, area)) throw new RegularsError('permission', 'role_not_allowed', `A ${role} may not ${refusal[area]}.`);
}

/** For routes that decide by what the body asks: the acting user's role, when a user acts. */
export const actingRole = (request: FastifyRequest): Role | null => (request.actor?.kind === 'user' ? request.actor.role : null);
