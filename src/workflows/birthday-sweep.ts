import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { lockCustomer } from '../ledger/ledger-store.ts';
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
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('earning_rules as r').select('r.id').whereRef('r.program_id', '=', 'c.program_id').where('r.active', '=', true).where('r.type', '=', 'action').where(sql`r.definition->>'event_type'`, '=', 'birthday')),
    );
  if (options.programId) query = query.where('c.program_id', '=', options.programId);
  let awarded = 0;
  for (const customer of await query.execute()) {
    awarded += await db.transaction().execute(async (tx) => {
      await lockCustomer(tx, customer.program_id, customer.id);
      const { awards } = await receiveEvent(
        tx,
        { programId: customer.program_id, customerId: customer.id },
        { type: 'birthday', idempotency_key: `birthday:${year}`, properties: { year }, occurred_at: now },
        now,
      );
      return awards?.length ? 1 : 0;
    });
  }
  return awarded;
}
