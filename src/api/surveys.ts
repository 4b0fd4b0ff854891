import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { allPages, sendCsv } from '../platform/http/csv.ts';
import { toList } from '../platform/http/pagination.ts';
import { categoryOf } from '../surveys/nps.ts';
import { responsesQuery } from '../surveys/survey-store.ts';
import { programNps } from '../workflows/nps-reported.ts';
import { errorResponses, List, ListQuery } from './schemas/common.ts';
import { NpsQuery, NpsReport, ResponsesQuery, SurveyResponse } from './schemas/surveys.ts';

type Row = Awaited<ReturnType<ReturnType<typeof responsesQuery>['execute']>>[number];
const present = (r: Row) => ({
  object: 'survey_response' as const,
  id: r.id,
  customer_id: r.customer_id,
  email: r.email,
  score: r.score,
  category: categoryOf(r.score),
  comment: r.comment,
  source: r.source,
  campaign_id: r.campaign_id,
  locale: r.locale,
  answered_at: new Date(r.answered_at).toISOString(),
  updated_at: new Date(r.updated_at).toISOString(),
});

const COLUMNS = ['id', 'answered_at', 'customer_id', 'external_id', 'email', 'score', 'category', 'comment', 'source', 'campaign_id', 'locale'] as const;

/** Survey answers (docs/surveys.md): the list, the CSV, and the NPS report. */
export const surveyRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/survey-responses',
      { schema: { operationId: 'listSurveyResponses', tags: ['surveys'], summary: 'Answers to the 0–10 question, newest first', querystring: Type.Object({ ...ListQuery.properties, ...ResponsesQuery.properties }), response: { 200: List(SurveyResponse), ...errorResponses } } },
      async (request) => toList(await responsesQuery(deps.readDb, request.program.id, request.query).limit(request.query.limit + 1).execute(), request.query.limit, present),
    );

    app.get(
      '/v1/survey-responses/export',
      { schema: { operationId: 'exportSurveyResponses', tags: ['surveys'], summary: 'The answers as CSV', querystring: ResponsesQuery, produces: ['text/csv'], response: { 200: Type.String({ description: `CSV with a header row: ${COLUMNS.join(', ')}.` }), ...errorResponses } } },
      async (request, reply) => {
        const pages = allPages((page) => responsesQuery(deps.readDb, request.program.id, { ...request.query, starting_after: page.starting_after }).limit(page.limit + 1).execute());
        const rows = (async function* () {
          for await (const page of pages) yield page.map((r) => COLUMNS.map((c) => (c === 'category' ? categoryOf(r.score) : c === 'answered_at' ? new Date(r.answered_at).toISOString() : r[c])));
        })();
        return sendCsv(reply, 'survey-responses.csv', COLUMNS, rows);
      },
    );

    app.get(
      '/v1/analytics/nps',
      { schema: { operationId: 'getNpsReport', tags: ['analytics'], summary: 'NPS (promoters − detractors) over a range, by month and by segment', querystring: NpsQuery, response: { 200: NpsReport, ...errorResponses } } },
      async (request) => {
        const { from, to, segment_id } = request.query;
        if (from >= to) throw invalidRequest('parameter_invalid', 'to must be after from.', 'to');
        const report = await programNps(deps.readDb, request.program.id, { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) }, segment_id, deps.clock.now());
        return { object: 'nps_report' as const, from, to, segment_id: segment_id ?? null, ...report };
      },
    );
  };
