import type { Explanation } from '../ledger/transfer.ts';

/** Points a rule grants for one purchase or event, with the why (DESIGN rule 6). */
export interface Award {
  rule_id: string;
  rule_name: string;
  points: number;
  hold_days: number;
  explanation: Explanation;
}

/** How many awards each rule already gave this customer in the rule's current limit period. */
export type RuleUsage = ReadonlyMap<string, number>;

export function withinLimit(rule: { id: string; limit?: { count: number } }, usage: RuleUsage): boolean {
  return !rule.limit || (usage.get(rule.id) ?? 0) < rule.limit.count;
}
