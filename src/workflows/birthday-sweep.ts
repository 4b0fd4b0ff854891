import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { lockCustomer, postTransfers } from '../ledger/ledger-store.ts';
import type { Tx } from '../platform/db/database.ts';
import { Account, move } from '../ledger/transfer.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { tierProgram } from '../tiers/tier-store.ts';
import { receiveEvent } from './event-received.ts';

/**
 * Sweep: awards the birthday rules to customers whose birthday is today (UTC), once per year
 * (the event's idempotency key is the year). Born on 29 February: celebrated on 28 February in
 * other years. Running it twice or late on the same day is harmless.
 */
export async function awardBirthdays(db: Db, now: Date, options: { programId?: string } = {}): Promise<number> {
  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  const year = now.getUTCFullYear();
  const isLeap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  const alsoLeapDay = month === 2 && day === 28 && !isLeap;
  let query = db
    .selectFrom('customers as c')
    .select(['c.id', 'c.program_id'])
    .where('c.birthday', 'is not', null)
    .where(sql<number>`extract(month from c.birthday)`, '=', month)
    .where((eb) => eb.or([eb(sql<number>`extract(day from c.birthday)`, '=', day), ...(alsoLeapDay ? [eb(sql<number>`extract(day from c.birthday)`, '=', 29)] : [])]))
    .where(({ exists, selectFrom, or }) =>
      or([
        exists(selectFrom('earning_rules as r').select('r.id').whereRef('r.program_id', '=', 'c.program_id').where('r.active', '=', true).where('r.type', '=', 'action').where(sql`r.definition->>'event_type'`, '=', 'birthday')),
        exists(selectFrom('tiers as t').select('t.id').whereRef('t.id', '=', 'c.tier_id').where('t.birthday_points', '>', 0)),
      ]),
    );
  if (options.programId) query = query.where('c.program_id', '=', options.programId);
  let awarded = 0;
  for (const customer of await query.execute()) {
    awarded += await db.transaction().execute(async (tx) => {
      const program = await loadProgramContext(tx, customer.program_id);
      const locked = await lockCustomer(tx, program.id, customer.id);
      const { event, awards } = await receiveEvent(tx, program, locked, { type: 'birthday', idempotency_key: `birthday:${year}`, properties: { year }, occurred_at: now }, now);
      const bonus = await tierBirthdayBonus(tx, program.id, locked.tier_id, customer.id, event.id, year, now);
      return awards?.length || bonus ? 1 : 0;
    });
  }
  return awarded;
}

/** A tier's birthday bonus, on top of the birthday rules, once per year. */
async function tierBirthdayBonus(tx: Tx, programId: string, tierId: string | null, customerId: string, eventId: string, year: number, now: Date): Promise<boolean> {
  const tier = tierId ? (await tierProgram(tx, programId)).tiers.find((t) => t.id === tierId) : undefined;
  if (!tier || tier.birthday_points <= 0) return false;
  const posted = await postTransfers(tx, programId, customerId, [
    {
      code: 'earn.action',
      idempotency_key: `birthday:${year}:tier`,
      reference: { type: 'event', id: eventId },
      explanation: { summary: `${tier.birthday_points} points birthday bonus for ${tier.name} members`, inputs: { tier_id: tier.id, year } },
      occurred_at: now,
      entries: move(tier.birthday_points, Account.issued, Account.available),
      opensLot: { earned_at: now },
    },
  ], now);
  return posted.length > 0;
}
