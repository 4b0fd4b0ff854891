import type { Deps } from '../platform/deps.ts';
import { advocatesWithCode, recordReferralVisit } from '../referrals/referral-visits.ts';
import { storefrontProgram, type StorefrontProgram } from './storefront-program.ts';

export interface ReferralLanding {
  program: StorefrontProgram;
  code: string;
  /** Where "Shop now" goes: the store with ?ref=CODE, which the widget there keeps for the friend's sign-up. */
  shopUrl: string | null;
}

/**
 * A friend opened an advocate's link (/r/{code}): the visit is counted for the advocate (with a
 * keyed hash of the address, never the address) and the landing shows the program's offer. The
 * same code in two programs of one instance is told apart by the program's slug.
 */
export async function visitReferralLink(deps: Deps, code: string, visitor: { programSlug?: string; ip: string; referer?: string }): Promise<ReferralLanding | undefined> {
  const advocates = await advocatesWithCode(deps.db, code);
  const advocate = visitor.programSlug ? advocates.find((a) => a.slug === visitor.programSlug) : advocates.length === 1 ? advocates[0] : undefined;
  if (!advocate) return undefined;
  const normalized = code.trim().toUpperCase();
  await recordReferralVisit(deps.db, { programId: advocate.program_id, code: normalized, advocateId: advocate.advocate_id, at: deps.clock.now(), ipHash: deps.secrets.digest(visitor.ip), referer: visitor.referer ?? null });
  const program = await storefrontProgram.get(deps.db, advocate.program_id);
  return { program, code: normalized, shopUrl: withRef(program.store_url ?? program.signup_url, normalized) };
}

function withRef(url: string | null, code: string): string | null {
  if (!url) return null;
  const target = new URL(url);
  target.searchParams.set('ref', code);
  return target.toString();
}
