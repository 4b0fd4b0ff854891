/** Points a rule grants for one purchase or event, with the why (DESIGN rule 6). */
export interface Award {
  rule_id: string;
  rule_name: string;
  points: number;
  hold_days: number;
  explanation: Explanation;
}

export interface Explanation {
  /** One line a merchant can read: "1 point per 1.00 USD on 54.00 USD subtotal after discounts = 54". */
  summary: string;
  /** The rule's inputs and intermediate figures, for audits. */
  inputs: Record<string, unknown>;
}

/** How many awards each rule already gave this customer in the rule's current limit period. */
export type RuleUsage = ReadonlyMap<string, number>;

export function withinLimit(rule: { id: string; limit?: { count: number } }, usage: RuleUsage): boolean {
  return !rule.limit || (usage.get(rule.id) ?? 0) < rule.limit.count;
}
