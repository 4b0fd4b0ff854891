import { withinLimit, type Award, type RuleUsage } from './award.ts';
import { inRuleSegment, ruleInForce, type EarningRule } from './rules.ts';

export interface ActionFacts {
  type: string;
  properties: Record<string, unknown>;
  occurred_at: Date;
}

/** The points an event earns: every `action` rule in force for its type, within its limits. */
export function evaluateAction(rules: EarningRule[], event: ActionFacts, usage: RuleUsage, segments: ReadonlySet<string> = new Set()): Award[] {
  return rules
    .filter((r) => r.type === 'action' && r.event_type === event.type && inRuleSegment(r, segments))
    .filter((r) => r.network === undefined || r.network === event.properties.network)
    .filter((r) => ruleInForce(r, event.occurred_at) && withinLimit(r, usage))
    .map((rule) => {
      const used = usage.get(rule.id) ?? 0;
      const limit = rule.limit ? ` (limit ${rule.limit.count} per ${rule.limit.period}, ${used} used before)` : '';
      return {
        rule_id: rule.id,
        rule_name: rule.name,
        points: rule.points!,
        hold_days: rule.hold_days ?? 0,
        explanation: {
          summary: `${rule.points} points for ${event.type}${rule.network ? ` on ${rule.network}` : ''}: ${rule.name}${limit}`,
          inputs: { event_type: event.type, ...(rule.network ? { network: rule.network } : {}), ...(rule.segment_id ? { segment_id: rule.segment_id } : {}), used_in_period: used },
        },
      };
    })
    .filter((a) => a.points > 0);
}
