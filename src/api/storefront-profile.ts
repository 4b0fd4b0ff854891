import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { CustomerRow } from '../customers/customer-store.ts';
import type { Deps } from '../platform/deps.ts';
import { answerProfile } from '../workflows/profile-answered.ts';
import { shopperProfile } from '../workflows/profile-view.ts';
import { storefrontProgram } from '../workflows/storefront-program.ts';
import { errorResponses, LocaleSchema } from './schemas/common.ts';
import { AnswersInput, ShopperProfile, ShopperProfileSaved } from './schemas/profile-questions.ts';

type App = Parameters<FastifyPluginAsyncTypebox>[0];
const security: Record<string, string[]>[] = [{ publishableKey: [], customerToken: [] }];
const tags = ['storefront'];
const LocaleQuery = Type.Object({ locale: Type.Optional(LocaleSchema({ description: 'The language of the texts (default: the customer’s, else the program’s).' })) });

/**
 * The shopper's profile questions, on the storefront API (registered inside its plugin, so the
 * program's CORS rules hold here too): the questions in their language with their answers, and
 * saving answers, which may complete the profile (the profile_completed action, once).
 */
export function shopperProfileRoutes(app: App, deps: Deps, me: (request: FastifyRequest) => Promise<CustomerRow>): void {
  const localeOf = async (request: FastifyRequest, customer: CustomerRow, asked: string | undefined) => asked ?? customer.locale ?? (await storefrontProgram.get(deps.db, request.program.id)).default_locale;

  app.get(
    '/storefront/v1/me/profile-questions',
    { schema: { operationId: 'getShopperProfileQuestions', tags, security, summary: 'The profile questions in the shopper’s language, with their answers and what completing them earns', querystring: LocaleQuery, response: { 200: ShopperProfile, ...errorResponses } } },
    async (request) => {
      const customer = await me(request);
      return shopperProfile(deps, customer, await localeOf(request, customer, request.query.locale));
    },
  );

  app.put(
    '/storefront/v1/me/profile-answers',
    {
      schema: {
        operationId: 'saveShopperProfileAnswers',
        tags,
        security,
        summary: 'Answer profile questions (by key or id; null removes an answer)',
        description: 'Every answer is checked first: one bad answer (400, `param` names it) saves none. The first time every required question has an answer, the program’s profile_completed rules award their points, once per customer.',
        querystring: LocaleQuery,
        body: AnswersInput,
        response: { 200: ShopperProfileSaved, ...errorResponses },
      },
    },
    async (request) => {
      const customer = await me(request);
      const { points_awarded } = await answerProfile(deps, request.program, customer.id, request.body.answers, 'shopper');
      return { ...(await shopperProfile(deps, customer, await localeOf(request, customer, request.query.locale))), points_awarded };
    },
  );
}
