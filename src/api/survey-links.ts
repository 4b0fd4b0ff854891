import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { getProgram, loadProgramContext } from '../programs/program-store.ts';
import { matchLocale, messagesFor, type Locale } from '../storefront/locales.ts';
import { answerTo } from '../surveys/survey-store.ts';
import { messageOfToken } from '../surveys/survey-token.ts';
import { answerSurvey, checkSurveyAnswer } from '../workflows/survey-answered.ts';
import { invalidSurveyPage, surveyPage, type SurveyView } from './pages/survey-page.ts';

type Request = FastifyRequest<{ Params: { token: string }; Querystring: { locale?: string; score?: string } }>;

/**
 * The survey link of a survey email (`/s/{token}`, docs/surveys.md): GET shows the question (with
 * the score clicked in the email chosen, nothing saved: link scanners fetch links); POST saves the
 * answer, or changes it, and says thank you.
 */
export const surveyLinkRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (app) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 20_000 }, (_request, body, done) => done(null, body));

    /** The email the token names, if it is ours and asked the survey, with its customer and program. */
    const find = async (request: Request) => {
      const messageId = messageOfToken(deps.secrets, request.params.token);
      const message = messageId && (await deps.db.selectFrom('email_messages').selectAll().where('id', '=', messageId).executeTakeFirst());
      if (!message || (message.flow !== 'survey' && message.context.survey !== 1)) return undefined;
      const customer = await deps.db.selectFrom('customers').selectAll().where('id', '=', message.customer_id).executeTakeFirstOrThrow();
      if (customer.redacted_at) return undefined;
      const program = (await getProgram(deps.db, message.program_id))!;
      const locale: Locale = matchLocale(request.query.locale) ?? matchLocale(customer.locale) ?? matchLocale(request.headers['accept-language']) ?? matchLocale(program.default_locale) ?? 'en';
      return { message, customer, program, locale };
    };

    const send = (reply: FastifyReply, status: number, page: string) =>
      reply.status(status).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(page);

    const show = async (request: Request, reply: FastifyReply, view: Partial<SurveyView> = {}) => {
      const path = `/s/${encodeURIComponent(request.params.token)}`;
      const found = await find(request);
      if (!found) {
        const locale = matchLocale(request.query.locale) ?? matchLocale(request.headers['accept-language']) ?? 'en';
        return send(reply, 404, invalidSurveyPage(locale, messagesFor(locale), path));
      }
      const saved = await answerTo(deps.db, found.customer.id, found.message.id);
      const clicked = /^(10|[0-9])$/.test(request.query.score ?? '') ? Number(request.query.score) : undefined;
      const page = surveyPage({ locale: found.locale, messages: messagesFor(found.locale), path, program: found.program.name, primaryColor: found.program.widget_theme.primary_color, score: saved?.score ?? clicked, comment: saved?.comment, ...view });
      return send(reply, view.notice && !view.notice.saved ? 400 : 200, page);
    };

    app.get<{ Params: { token: string }; Querystring: { locale?: string; score?: string } }>('/s/:token', { schema: { hide: true } }, (request, reply) => show(request, reply));

    app.post<{ Params: { token: string }; Querystring: { locale?: string; score?: string } }>('/s/:token', { schema: { hide: true } }, async (request, reply) => {
      const found = await find(request);
      if (!found) return show(request, reply);
      const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      let answer: ReturnType<typeof checkSurveyAnswer>;
      try {
        answer = checkSurveyAnswer(form.get('score') ?? undefined, form.get('comment'));
      } catch (error) {
        if (!(error instanceof RegularsError)) throw error;
        return show(request, reply, { notice: { saved: false }, comment: form.get('comment') });
      }
      const program = await loadProgramContext(deps.db, found.program.id);
      const campaignId = found.message.flow === 'campaign' ? found.message.trigger_key : null;
      const saved = await answerSurvey(deps, program, { customerId: found.customer.id, askedBy: found.message.id, source: 'email', campaignId, ...answer, locale: found.locale });
      return show(request, reply, { notice: { saved: true, points: saved.points_awarded }, score: saved.response.score, comment: saved.response.comment });
    });
  };
