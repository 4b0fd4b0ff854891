import { verifyLedger } from '../ledger/verify.ts';
import { verifyTiers } from '../workflows/tier-review.ts';
import { readConfig } from '../platform/config.ts';
import { openDatabase } from './database.ts';

/** `regulars verify`: recomputes every balance from the ledger and every tier from the metric; exit 1 on any difference. */
export async function verify(options: { json?: boolean }): Promise<number> {
  const database = await openDatabase(readConfig(), (line) => console.error(line));
  try {
    const ledger = await verifyLedger(database.db);
    const tiers = (await verifyTiers(database.db, new Date())).map((d) => ({ kind: 'tier_mismatch' as const, ...d }));
    const result = { ...ledger, discrepancies: [...ledger.discrepancies, ...tiers] };
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(`checked ${result.transfers} transfers and ${result.customers} customers`);
      for (const d of result.discrepancies) console.log(`  ${d.kind} ${d.id}: ${d.detail}`);
      console.log(result.discrepancies.length === 0 ? 'ledger OK: every balance equals the sum of its entries, every tier its metric' : `${result.discrepancies.length} difference(s) found`);
    }
    return result.discrepancies.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}
