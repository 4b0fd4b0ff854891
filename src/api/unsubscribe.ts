import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { setMarketingConsent } from '../customers/customer-store.ts';
import { recordClick, recordUnsubscribe } from '../emails/email-report.ts';
import { clickOfToken } from '../emails/link-tracking.ts';
import { customerOfToken } from '../emails/unsubscribe-token.ts';
import type { Deps } from '../platform/deps.ts';
import { getProgram } from '../programs/program-store.ts';
import { matchLocale, messagesFor, type Locale } from '../storefront/locales.ts';
import { invalidLinkPage, preferencesPage } from './pages/email-preferences.ts';

type Request = FastifyRequest<{ Params: { token: string }; Querystring: { locale?: string } }>;

/**
 * The unsubscribe link of every marketing email: GET shows the preferences page (link scanners
 * fetch it, so it changes nothing); POST with `List-Unsubscribe=One-Click` (RFC 8058, sent by the
 * mailbox provider, with no cookie) or the page's button opts out at once; the page's other
 * button opts back in.
 */
export const unsubscribeRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (app) => {
    // The one-click POST is a form (application/x-www-form-urlencoded, or multipart from some providers).
    app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: 10_000 }, (_request, body, done) => done(null, body));

    const find = async (request: Request) => {
      const customerId = customerOfToken(deps.secrets, request.params.token);
      // The token names the customer; their row says whose program it is.
      const row = customerId ? await deps.db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst() : undefined;
      if (!row) return undefined;
      const program = await getProgram(deps.db, row.program_id);
      const locale: Locale = matchLocale(request.query.locale) ?? matchLocale(row.locale) ?? matchLocale(request.headers['accept-language']) ?? matchLocale(program!.default_locale) ?? 'en';
      return { customer: row, program: program!, locale };
    };

    const page = async (request: Request, reply: import('fastify').FastifyReply, notice?: 'done' | 'resubscribed') => {
      const path = `/u/${encodeURIComponent(request.params.token)}`;
      const found = await find(request);
      void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8');
      if (!found) {
        const locale = matchLocale(request.query.locale) ?? matchLocale(request.headers['accept-language']) ?? 'en';
        return reply.status(404).send(invalidLinkPage(locale, messagesFor(locale), path));
      }
      const { customer, program, locale } = found;
      return reply.send(preferencesPage({ locale, messages: messagesFor(locale), path, program: program.name, email: customer.email ?? '', subscribed: customer.marketing_consent, notice, primaryColor: program.widget_theme.primary_color }));
    };

    // A tracked link (email_link_tracking): count the click, then go where the email pointed.
    // The token rides in the query: it carries the destination, longer than a path segment may be.
    app.get<{ Querystring: { t?: string } }>('/c', { schema: { hide: true } }, async (request, reply) => {
      const click = clickOfToken(deps.secrets, request.query.t ?? '');
      const customer = click && (await deps.db.selectFrom('customers').select('program_id').where('id', '=', click.customerId).executeTakeFirst());
      if (!click || !customer) return reply.status(404).type('text/plain; charset=utf-8').send('This link is not valid.\n');
      await recordClick(deps.db, { programId: customer.program_id, customerId: click.customerId, messageId: click.messageId, url: click.url }, deps.clock.now());
      return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(click.url, 302);
    });

    app.get<{ Params: { token: string }; Querystring: { locale?: string } }>('/u/:token', { schema: { hide: true } }, (request, reply) => page(request, reply));

    app.post<{ Params: { token: string }; Querystring: { locale?: string } }>('/u/:token', { schema: { hide: true } }, async (request, reply) => {
      const found = await find(request);
      if (!found) return page(request, reply);
      const body = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      const resubscribe = body.get('action') === 'resubscribe';
      // A mailbox provider's one-click POST wants a plain success; the page's button gets the page.
      const oneClick = body.get('List-Unsubscribe') === 'One-Click' || !(request.headers.accept ?? '').includes('text/html');
      const now = deps.clock.now();
      await setMarketingConsent(deps.db, found.customer.id, resubscribe, now);
      if (!resubscribe && found.customer.marketing_consent) await recordUnsubscribe(deps.db, found.customer.program_id, found.customer.id, oneClick ? 'one_click' : 'page', now);
      if (oneClick) return reply.status(200).type('text/plain; charset=utf-8').send('unsubscribed\n');
      return page(request, reply, resubscribe ? 'resubscribed' : 'done');
    });
  };
