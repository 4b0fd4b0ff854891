import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';

/** The advocates whose referral code this is, in every program of the instance (codes are unique per program). */
export async function advocatesWithCode(db: Db, code: string) {
  return db
    .selectFrom('customers as c')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .select(['c.id as advocate_id', 'c.program_id', 'c.first_name', 'p.slug'])
    .where('c.referral_code', '=', code.trim().toUpperCase())
    .where('c.redacted_at', 'is', null)
    .execute();
}

export interface ReferralVisit {
  programId: string;
  code: string;
  advocateId: string | null;
  at: Date;
  /** A keyed hash of the visitor's address (SecretBox.digest), never the address itself. */
  ipHash: string | null;
  referer: string | null;
}

export async function recordReferralVisit(db: Db, visit: ReferralVisit): Promise<void> {
  await db
    .insertInto('referral_visits')
    .values({ id: newId('rvs', visit.at.getTime()), program_id: visit.programId, code: visit.code, advocate_id: visit.advocateId, visited_at: visit.at, ip_hash: visit.ipHash, referer: visit.referer?.slice(0, 500) ?? null })
    .execute();
}

export async function referralVisitCount(db: Db, programId: string, advocateId: string): Promise<number> {
  const row = await db.selectFrom('referral_visits').select((eb) => eb.fn.countAll<string>().as('n')).where('program_id', '=', programId).where('advocate_id', '=', advocateId).executeTakeFirstOrThrow();
  return Number(row.n);
}
