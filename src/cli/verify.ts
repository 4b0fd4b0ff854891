import { verifyLedger } from '../ledger/verify.ts';
import { verifyOrderStats } from '../orders/order-stats-check.ts';
import { verifyTiers } from '../workflows/tier-review.ts';
import { readConfig } from '../platform/config.ts';
import { openDatabase } from './database.ts';

/** `regulars verify`: recomputes every balance from the ledger, every tier from the metric and every customer's order statistics from the orders; exit 1 on any difference. */
export async function verify(options: { json?: boolean }): Promise<number> {
  const database = await openDatabase(readConfig(), (line) => console.error(line));
  try {
    const ledger = await verifyLedger(database.db);
    const tiers = (await verifyTiers(database.db, new Date())).map((d) => ({ kind: 'tier_mismatch' as const, ...d }));
    const orderStats = (await verifyOrderStats(database.db)).map((d) => ({ kind: 'order_stats_mismatch' as const, ...d }));
    const result = { ...ledger, discrepancies: [...ledger.discrepancies, ...tiers, ...orderStats] };
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(`checked ${result.transfers} transfers and ${result.customers} customers`);
      for (const d of result.discrepancies) console.log(`  ${d.kind} ${d.id}: ${d.detail}`);
      console.log(result.discrepancies.length === 0 ? 'ledger OK: every balance equals the sum of its entries, every tier its metric, every customer\'s order statistics their orders' : `${result.discrepancies.length} difference(s) found`);
    }
    return result.discrepancies.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}
