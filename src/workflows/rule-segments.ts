import { ruleSegments, type EarningRule } from '../earning/rules.ts';
import type { Tx } from '../platform/db/database.ts';
import { rulesTheirs } from '../experiments/experiment-store.ts';
import { segmentsHolding } from '../segments/segment-store.ts';

/** The earning rules that are the customer's (those a running experiment tests, only for their variant), and the rules' segments they are in now. */
export async function rulesForCustomer<R extends EarningRule>(tx: Tx, programId: string, customerId: string, rules: R[], now: Date): Promise<{ rules: R[]; segments: Set<string> }> {
  const theirs = await rulesTheirs(tx, programId, customerId, rules);
  return { rules: theirs, segments: await segmentsOfRules(tx, programId, customerId, theirs, now) };
}

/** The segments of these earning rules the customer is in now (asked at the order or the event); none asked, no query. */
export async function segmentsOfRules(tx: Tx, programId: string, customerId: string, rules: EarningRule[], now: Date): Promise<Set<string>> {
  const asked = ruleSegments(rules);
  return asked.length === 0 ? new Set() : segmentsHolding(tx, programId, customerId, asked, now);
}
