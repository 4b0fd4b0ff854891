import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { CustomerRow } from '../customers/customer-store.ts';
import { actionPoints } from '../earning/rule-store.ts';
import type { Deps } from '../platform/deps.ts';
import { answerTo, widgetAsking } from '../surveys/survey-store.ts';
import { answerSurvey, checkSurveyAnswer } from '../workflows/survey-answered.ts';
import { errorResponses } from './schemas/common.ts';
import { ShopperSurvey, ShopperSurveyAnswer, ShopperSurveySaved } from './schemas/surveys.ts';

type App = Parameters<FastifyPluginAsyncTypebox>[0];
const security: Record<string, string[]>[] = [{ publishableKey: [], customerToken: [] }];
const tags = ['storefront'];

/**
 * The survey in the widget (docs/surveys.md), on the storefront API: asked once a quarter; an
 * answer in the same quarter changes the first, and only the first earns the survey_answered points.
 */
export function shopperSurveyRoutes(app: App, deps: Deps, me: (request: FastifyRequest) => Promise<CustomerRow>): void {
  const view = async (customer: CustomerRow) => {
    const now = deps.clock.now();
    const [answer, points] = await Promise.all([answerTo(deps.db, customer.id, widgetAsking(now)), actionPoints(deps.db, customer.program_id, 'survey_answered', now)]);
    return { object: 'shopper_survey' as const, ask: !answer, answer: answer ? { score: answer.score, comment: answer.comment, answered_at: new Date(answer.answered_at).toISOString() } : null, points };
  };

  app.get('/storefront/v1/me/survey', { schema: { operationId: 'getShopperSurvey', tags, security, summary: 'Whether to ask the 0–10 question now, the answer given this quarter, and what answering earns', response: { 200: ShopperSurvey, ...errorResponses } } }, async (request) =>
    view(await me(request)),
  );

  app.post(
    '/storefront/v1/me/survey-answers',
    { schema: { operationId: 'answerShopperSurvey', tags, security, summary: 'Answer the 0–10 question (again this quarter: changes the answer)', body: ShopperSurveyAnswer, response: { 200: ShopperSurveySaved, ...errorResponses } } },
    async (request) => {
      const customer = await me(request);
      const answer = checkSurveyAnswer(request.body.score, request.body.comment);
      const saved = await answerSurvey(deps, request.program, { customerId: customer.id, askedBy: widgetAsking(deps.clock.now()), source: 'widget', campaignId: null, ...answer, locale: customer.locale });
      return { ...(await view(customer)), points_awarded: saved.points_awarded };
    },
  );
}
