import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { wordsFor } from '../../shopper/program-words.ts';
import type { Deps } from '../platform/deps.ts';
import { findProgramBySlug } from '../programs/program-store.ts';
import { matchLocale, messagesFor, type Locale } from '../storefront/locales.ts';
import { visitReferralLink } from '../workflows/referral-link-visited.ts';
import { storefrontProgram } from '../workflows/storefront-program.ts';
import { referralLandingPage, unknownReferralPage } from './pages/referral-landing.ts';
import { rewardsPage } from './pages/rewards-page.ts';

type PageQuery = { locale?: string; program?: string };

/** The page's language: ?locale=, else the browser's languages, else the program's default. */
const localeOf = (request: FastifyRequest<{ Querystring: PageQuery }>, fallback: string): Locale =>
  matchLocale(request.query.locale) ?? matchLocale(request.headers['accept-language']) ?? matchLocale(fallback) ?? 'en';

/**
 * The shopper's pages this instance hosts: the program explained at /rewards/{slug}, and the
 * referral landing at /r/{code}. Server-rendered HTML that reads well without JavaScript.
 */
export const hostedPageRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (app) => {
    const html = 'text/html; charset=utf-8';

    app.get<{ Params: { slug: string }; Querystring: PageQuery }>('/rewards/:slug', { schema: { hide: true } }, async (request, reply) => {
      const found = await findProgramBySlug(deps.db, request.params.slug);
      if (!found) {
        const locale = localeOf(request, 'en');
        return reply.status(404).type(html).send(unknownReferralPage(wordsFor(messagesFor(locale), locale), locale, request.url.split('?')[0]!));
      }
      const program = await storefrontProgram.get(deps.db, found.id);
      const locale = localeOf(request, program.default_locale);
      const words = wordsFor(messagesFor(locale, program.texts), locale);
      void reply.header('cache-control', 'public, max-age=60').header('vary', 'Accept-Language');
      return reply.type(html).send(rewardsPage({ program, words, locale, slug: request.params.slug.toLowerCase(), publishableKey: found.publishable_key }));
    });

    app.get<{ Params: { code: string }; Querystring: PageQuery }>('/r/:code', { schema: { hide: true } }, async (request, reply) => {
      const path = `/r/${encodeURIComponent(request.params.code)}`;
      const landing = await visitReferralLink(deps, request.params.code, { ip: request.ip, ...(request.query.program ? { programSlug: request.query.program } : {}), ...(request.headers.referer ? { referer: request.headers.referer } : {}) });
      void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (!landing) {
        const locale = localeOf(request, 'en');
        return reply.status(404).type(html).send(unknownReferralPage(wordsFor(messagesFor(locale), locale), locale, path));
      }
      const locale = localeOf(request, landing.program.default_locale);
      return reply.type(html).send(referralLandingPage(landing, wordsFor(messagesFor(locale, landing.program.texts), locale), locale, path));
    });
  };
