import { ruleSegments, type EarningRule } from '../earning/rules.ts';
import type { Tx } from '../platform/db/database.ts';
import { segmentsHolding } from '../segments/segment-store.ts';

/** The segments of these earning rules the customer is in now (asked at the order or the event); none asked, no query. */
export async function segmentsOfRules(tx: Tx, programId: string, customerId: string, rules: EarningRule[], now: Date): Promise<Set<string>> {
  const asked = ruleSegments(rules);
  return asked.length === 0 ? new Set() : segmentsHolding(tx, programId, customerId, asked, now);
}
