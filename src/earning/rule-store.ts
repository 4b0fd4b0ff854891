import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { EarningRulesTable } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { programCache } from '../platform/program-cache.ts';
import { newId } from '../platform/ids.ts';
import type { RuleUsage } from './award.ts';
import { periodEnd, periodStart } from './periods.ts';
import { ruleInForce, type EarningRule, type RuleDefinition, type RuleType } from './rules.ts';

type RuleRow = Selectable<EarningRulesTable> & { created_at: Date; updated_at: Date };

export interface StoredRule extends EarningRule {
  created_at: Date;
  updated_at: Date;
}

function toRule(row: RuleRow): StoredRule {
  const definition = row.definition as RuleDefinition;
  return { ...definition, id: row.id, name: row.name, type: row.type, active: row.active, created_at: row.created_at, updated_at: row.updated_at };
}

export async function createEarningRule(
  tx: Db | Tx,
  programId: string,
  rule: { name: string; type: RuleType; active?: boolean; definition: RuleDefinition },
  at: Date,
): Promise<StoredRule> {
  const row = await tx
    .insertInto('earning_rules')
    .values({
      id: newId('rule', at.getTime()),
      program_id: programId,
      name: rule.name,
      type: rule.type,
      active: rule.active ?? true,
      definition: JSON.stringify(rule.definition),
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  forgetRules(programId);
  return toRule(row as RuleRow);
}

export async function getEarningRule(db: Db | Tx, programId: string, id: string): Promise<StoredRule> {
  const row = await db.selectFrom('earning_rules').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('earning rule', id);
  return toRule(row as RuleRow);
}

export async function listEarningRules(db: Db, programId: string, filter: { active?: boolean; limit: number; starting_after?: string }) {
  let query = db.selectFrom('earning_rules').selectAll().where('program_id', '=', programId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.starting_after) query = query.where('id', '>', filter.starting_after);
  const rows = await query.orderBy('id').limit(filter.limit + 1).execute();
  return rows.map((r) => toRule(r as RuleRow));
}

export async function saveEarningRule(db: Db, programId: string, rule: StoredRule, at: Date): Promise<StoredRule> {
  const { id, name, type, active, created_at: _c, updated_at: _u, ...definition } = rule;
  const row = await db
    .updateTable('earning_rules')
    .set({ name, type, active, definition: JSON.stringify(definition), updated_at: at })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  forgetRules(programId);
  return toRule(row as RuleRow);
}

const ruleCache = programCache(2_000, async (db, programId) => {
  const rows = await db.selectFrom('earning_rules').selectAll().where('program_id', '=', programId).where('active', '=', true).orderBy('id').execute();
  return rows.map((r) => toRule(r as RuleRow)) as EarningRule[];
});

/** The rules that can award points now (cached, see programCache); inactive ones are history only. */
export function activeEarningRules(db: Db | Tx, programId: string): Promise<EarningRule[]> {
  return ruleCache.get(db, programId);
}

function forgetRules(programId: string): void {
  ruleCache.forget(programId);
}

/** One customer's usage of one set of rules; see `ruleUsageFor`. */
/** What doing this action earns now: the points of the program's action rules in force for the event type. */
export async function actionPoints(db: Db | Tx, programId: string, eventType: string, now: Date): Promise<number> {
  const rules = await activeEarningRules(db, programId);
  return rules.filter((r) => r.type === 'action' && r.event_type === eventType && ruleInForce(r, now)).reduce((sum, r) => sum + (r.points ?? 0), 0);
}

export async function ruleUsage(tx: Tx, customerId: string, rules: EarningRule[], at: Date): Promise<RuleUsage> {
  return (await ruleUsageFor(tx, [{ customerId, rules, at }]))[0]!;
}

/**
 * For each customer and each of the rules with a limit, how many awards the rule gave the
 * customer in the limit period that contains `at`, in one query for all. Reversed awards still
 * count: a refunded review bonus is not earned twice.
 */
export async function ruleUsageFor(tx: Tx, asks: { customerId: string; rules: EarningRule[]; at: Date }[]): Promise<RuleUsage[]> {
  const windows = asks.flatMap((ask, i) =>
    ask.rules
      .filter((r) => r.limit)
      .map((r) => ({
        i,
        customer_id: ask.customerId,
        rule_id: r.id,
        starts: periodStart(r.limit!.period, ask.at).toISOString(),
        ends: r.limit!.period === 'lifetime' ? 'infinity' : periodEnd(r.limit!.period, ask.at).toISOString(),
      })),
  );
  const usage = asks.map(() => new Map<string, number>());
  if (windows.length === 0) return usage;
  const { rows } = await sql<{ i: number; rule_id: string; n: number }>`
    select w.i, w.rule_id, count(*)::int as n
    from jsonb_to_recordset(${JSON.stringify(windows)}::jsonb) as w(i int, customer_id text, rule_id text, starts timestamptz, ends timestamptz)
    join transfers t on t.customer_id = w.customer_id and t.rule_id = w.rule_id
      and t.occurred_at >= w.starts and t.occurred_at < w.ends and t.code like 'earn.%'
    group by w.i, w.rule_id`.execute(tx);
  for (const row of rows) usage[row.i]!.set(row.rule_id, row.n);
  return usage;
}
