import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { SurveyResponsesTable } from '../platform/db/survey-tables.ts';
import { newId } from '../platform/ids.ts';
import { npsOf, type NpsFigures } from './nps.ts';

export type SurveyResponseRow = Selectable<SurveyResponsesTable>;

export interface SurveyAnswer {
  programId: string;
  customerId: string;
  /** The email that asked (its message id), or `widget:<year>-Q<quarter>`. */
  askedBy: string;
  source: 'email' | 'widget';
  campaignId: string | null;
  score: number;
  comment: string | null;
  locale: string | null;
}

/** The widget asks once a quarter: its answers of one quarter are one asking. */
export const widgetAsking = (at: Date) => `widget:${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;

/** Records an answer, or changes the one already given to the same asking; `first` says which. */
export async function recordAnswer(tx: Tx, answer: SurveyAnswer, at: Date): Promise<{ response: SurveyResponseRow; first: boolean }> {
  const row = await tx
    .insertInto('survey_responses')
    .values({ id: newId('srv', at.getTime()), program_id: answer.programId, customer_id: answer.customerId, asked_by: answer.askedBy, source: answer.source, campaign_id: answer.campaignId, score: answer.score, comment: answer.comment, locale: answer.locale, answered_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['customer_id', 'asked_by']).doUpdateSet({ score: answer.score, comment: answer.comment, updated_at: at }))
    .returningAll()
    .returning(sql<boolean>`xmax = 0`.as('first'))
    .executeTakeFirstOrThrow();
  const { first, ...response } = row;
  return { response, first };
}

export const answerTo = (db: Db | Tx, customerId: string, askedBy: string) => db.selectFrom('survey_responses').selectAll().where('customer_id', '=', customerId).where('asked_by', '=', askedBy).executeTakeFirst();

export const latestAnswer = (db: Db | Tx, customerId: string) => db.selectFrom('survey_responses').selectAll().where('customer_id', '=', customerId).orderBy('answered_at', 'desc').limit(1).executeTakeFirst();

export interface ResponseFilter {
  from?: string;
  to?: string;
  limit: number;
  starting_after?: string;
}

/** Answers, newest first, with the customer's email; a page of them, or all in the range for the export. */
export function responsesQuery(db: Db, programId: string, filter: Omit<ResponseFilter, 'limit'>) {
  let query = db
    .selectFrom('survey_responses as r')
    .innerJoin('customers as c', (join) => join.onRef('c.id', '=', 'r.customer_id'))
    .selectAll('r')
    .select(['c.email', 'c.external_id'])
    .where('r.program_id', '=', programId);
  if (filter.from) query = query.where('r.answered_at', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to) query = query.where('r.answered_at', '<', new Date(`${filter.to}T00:00:00Z`));
  if (filter.starting_after) query = query.where('r.id', '<', filter.starting_after);
  return query.orderBy('r.id', 'desc');
}

const counts = sql<{ promoters: number; passives: number; detractors: number }>`
  count(*) filter (where score >= 9)::int as promoters,
  count(*) filter (where score between 7 and 8)::int as passives,
  count(*) filter (where score <= 6)::int as detractors`;

export interface NpsGroup {
  /** `champions`, or a saved segment's id. */
  key: string;
  name: string;
  /** An SQL condition on the customers table (a saved segment, an RFM segment). */
  condition: RawBuilder<boolean>;
}

export interface NpsReport extends NpsFigures {
  by_month: (NpsFigures & { month: string })[];
  by_segment: (NpsFigures & { segment: string; name: string })[];
}

/**
 * NPS over [from, to), overall, per month of answering, and per segment of the customers who
 * answered (each group counts its members' answers; a customer may be in several). An answer
 * changed later counts once, as it is now.
 */
export async function npsReport(db: Db, programId: string, range: { from: Date; to: Date }, audience: RawBuilder<boolean> | undefined, groups: NpsGroup[]): Promise<NpsReport> {
  const inRange = sql`r.program_id = ${programId} and r.answered_at >= ${range.from} and r.answered_at < ${range.to}`;
  // A group's members are looked up among those who answered (a few), not over every customer.
  const among = (condition: RawBuilder<boolean>) =>
    sql`and r.customer_id in (select id from customers where id in (select r.customer_id from survey_responses r where ${inRange}) and ${condition})`;
  const answers = (condition?: RawBuilder<boolean>) => sql`
    select r.score, r.answered_at from survey_responses r
    where ${inRange} ${audience ? among(audience) : sql``} ${condition ? among(condition) : sql``}`;
  const overall = npsOf((await sql<{ promoters: number; passives: number; detractors: number }>`select ${counts} from (${answers()}) a`.execute(db)).rows[0]!);
  if (overall.responses === 0) return { ...overall, by_month: [], by_segment: [] };
  const [months, ...perGroup] = await Promise.all([
    sql<{ month: string; promoters: number; passives: number; detractors: number }>`select to_char(date_trunc('month', answered_at), 'YYYY-MM') as month, ${counts} from (${answers()}) a group by 1 order by 1`.execute(db),
    ...groups.map((g) => sql<{ promoters: number; passives: number; detractors: number }>`select ${counts} from (${answers(g.condition)}) a`.execute(db)),
  ]);
  return {
    ...overall,
    by_month: months.rows.map(({ month, ...c }) => ({ month, ...npsOf(c) })),
    by_segment: groups.map((g, i) => ({ segment: g.key, name: g.name, ...npsOf(perGroup[i]!.rows[0]!) })).filter((s) => s.responses > 0),
  };
}
