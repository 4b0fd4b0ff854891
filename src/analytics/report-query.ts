import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/database.ts';

/**
 * Runs an analytics query with the planner told what holds for it: the orders index
 * (orders_program_customer) is read in order cheaply (random reads cost near sequential ones on
 * SSDs and in cache); the query may use more memory than a transaction's default; and it gets
 * no parallel workers, as a report's queries already run side by side. `groupInOrder` turns off
 * hash aggregation for queries that group the orders in the order the index gives them, which
 * the planner underrates.
 */
export async function reportQuery<R>(db: Db, query: RawBuilder<R>, options: { groupInOrder?: boolean } = {}): Promise<R[]> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('random_page_cost', '1.1', true), set_config('work_mem', '64MB', true),
      set_config('max_parallel_workers_per_gather', '0', true), set_config('enable_hashagg', ${options.groupInOrder ? 'off' : 'on'}, true)`.execute(tx);
    return (await query.execute(tx)).rows;
  });
}
