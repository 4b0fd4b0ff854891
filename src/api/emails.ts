import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getCustomer } from '../customers/customer-store.ts';
import { defaultContent } from '../emails/email-content.ts';
import { ATTRIBUTION_DAYS, flowReports } from '../emails/email-report.ts';
import { checkContent, checkRenders, type EmailContent } from '../emails/email-render.ts';
import { deleteTemplate, flowSetting, flowSettings, getMessage, listMessages, listSuppressions, listTemplateOverrides, saveFlowSetting, templateOverride, saveTemplate, suppress, unsuppress, type EmailMessage as MessageRow, type FlowSetting } from '../emails/email-store.ts';
import { TEMPLATE_KEYS } from '../emails/flows.ts';
import { SAMPLE_VARIABLES } from '../emails/variables.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest, notFound, RegularsError } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { getReward } from '../rewards/reward-store.ts';
import { LOCALES, messagesFor, type Locale } from '../storefront/locales.ts';
import { flowOfTemplate, previewEmail } from '../workflows/emails/email-previewed.ts';
import { errorResponses, Id, List, ListQuery, LocaleSchema } from './schemas/common.ts';
import { EmailFlow, EmailFlowChange, EmailMessage, EmailMessageWithBody, EmailPreview, EmailReport, EmailPreviewInput, EmailStatusSchema, EmailSuppression, EmailTemplate, EmailTemplateContent } from './schemas/emails.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const presentFlow = (f: FlowSetting) => ({ object: 'email_flow' as const, ...f });
const presentMessage = (m: MessageRow) => ({
  object: 'email_message' as const,
  id: m.id,
  customer_id: m.customer_id,
  flow: m.flow,
  template: m.template,
  category: m.category,
  status: m.status,
  reason: m.reason,
  to: m.to_address,
  locale: m.locale,
  subject: m.subject,
  send_after: iso(m.send_after)!,
  sent_at: iso(m.sent_at),
  attempts: m.attempts,
  created_at: iso(m.created_at)!,
});

/** A step's template in a locale: the merchant's own when saved, else the default. */
function presentTemplate(template: string, locale: Locale, saved: EmailContent | undefined) {
  const content = saved ?? defaultContent(template, locale)!;
  return { object: 'email_template' as const, template, locale, customized: saved !== undefined, subject: content.subject, preheader: content.preheader, heading: content.heading, body: content.body, button: content.button };
}

const TemplateParams = Type.Object({ template: Type.String({ minLength: 1, maxLength: 64, description: 'A flow step: the flow’s name, or `welcome.2` and the like for later steps.' }), locale: LocaleSchema() });

/** The lifecycle emails: flows and their settings, templates, messages, and the suppression list (docs/emails.md). */
export const emailRoutes =
  (deps: Deps, publicUrl: string | undefined): FastifyPluginAsyncTypebox =>
  async (app) => {
    const baseOf = (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.host}`;

    app.get('/v1/email-flows', { schema: { operationId: 'listEmailFlows', tags: ['emails'], summary: 'The lifecycle flows with the program’s settings', response: { 200: List(EmailFlow), ...errorResponses } } }, async (request) => ({
      object: 'list' as const,
      data: (await flowSettings(deps.db, request.program.id)).map(presentFlow),
      has_more: false,
    }));

    app.get(
      '/v1/email-flows/:flow',
      { schema: { operationId: 'getEmailFlow', tags: ['emails'], summary: 'A flow with the program’s settings', params: Type.Object({ flow: Type.String({ maxLength: 64 }) }), response: { 200: EmailFlow, ...errorResponses } } },
      async (request) => presentFlow(await flowSetting(deps.db, request.program.id, request.params.flow)),
    );

    app.patch(
      '/v1/email-flows/:flow',
      {
        schema: {
          operationId: 'updateEmailFlow',
          tags: ['emails'],
          summary: 'Turn a flow on or off, or change its delay, category, conditions or incentive',
          description: 'Turning a flow off cancels its queued messages when they come due; marketing flows need the customer’s marketing_consent.',
          params: Type.Object({ flow: Type.String({ maxLength: 64 }) }),
          body: EmailFlowChange,
          response: { 200: EmailFlow, ...errorResponses },
        },
      },
      async (request) => {
        const current = await flowSetting(deps.db, request.program.id, request.params.flow);
        const { reward_id } = request.body;
        if (reward_id) await getReward(deps.db, request.program.id, reward_id).catch(() => Promise.reject(invalidRequest('reward_unknown', `No reward with id "${reward_id}".`, 'reward_id')));
        const next = { ...current, ...request.body };
        await saveFlowSetting(deps.db, request.program.id, next, deps.clock.now());
        return presentFlow(next);
      },
    );

    app.get(
      '/v1/email-reports',
      {
        schema: {
          operationId: 'getEmailReport',
          tags: ['emails'],
          summary: 'Per flow: sent, held back, not sent, unsubscribes, and the orders and revenue that followed its emails',
          querystring: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date', description: 'Exclusive.' }) }),
          response: { 200: EmailReport, ...errorResponses },
        },
      },
      async (request) => {
        const { from, to } = request.query;
        if (from >= to) throw invalidRequest('parameter_invalid', 'to must be after from.', 'to');
        const flows = await flowReports(deps.readDb, request.program.id, { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });
        return { object: 'email_report' as const, from, to, attribution_days: ATTRIBUTION_DAYS, flows };
      },
    );

    app.get(
      '/v1/email-messages',
      {
        schema: {
          operationId: 'listEmailMessages',
          tags: ['emails'],
          summary: 'The emails queued, sent, held back or not sent, with the reason; newest first',
          querystring: Type.Object({ ...ListQuery.properties, customer_id: Type.Optional(Id('cus')), flow: Type.Optional(Type.String({ maxLength: 64 })), campaign_id: Type.Optional(Id('cmp', 'The messages of one email campaign.')), status: Type.Optional(EmailStatusSchema) }),
          response: { 200: List(EmailMessage), ...errorResponses },
        },
      },
      async (request) => toList(await listMessages(deps.db, request.program.id, request.query), request.query.limit, presentMessage),
    );

    app.get(
      '/v1/email-messages/:id',
      { schema: { operationId: 'getEmailMessage', tags: ['emails'], summary: 'One email, with its HTML and text as sent (or as kept in the outbox)', params: Type.Object({ id: Id('eml') }), response: { 200: EmailMessageWithBody, ...errorResponses } } },
      async (request) => {
        const m = await getMessage(deps.db, request.program.id, request.params.id);
        return { ...presentMessage(m), html: m.html, text: m.text_body, smtp_response: m.smtp_response };
      },
    );

    app.get(
      '/v1/email-templates',
      { schema: { operationId: 'listEmailTemplates', tags: ['emails'], summary: 'Every flow step’s template in every locale: the merchant’s own, or the default', response: { 200: List(EmailTemplate), ...errorResponses } } },
      async (request) => {
        const own = await listTemplateOverrides(deps.db, request.program.id);
        const data = TEMPLATE_KEYS.flatMap((template) => LOCALES.map((locale) => presentTemplate(template, locale, own.find((o) => o.template === template && o.locale === locale))));
        return { object: 'list' as const, data, has_more: false };
      },
    );

    const templateOf = async (programId: string, template: string, locale: Locale) => {
      flowOfTemplate(template);
      return presentTemplate(template, locale, await templateOverride(deps.db, programId, template, locale));
    };

    app.get(
      '/v1/email-templates/:template/:locale',
      { schema: { operationId: 'getEmailTemplate', tags: ['emails'], summary: 'A flow step’s template in a locale', params: TemplateParams, response: { 200: EmailTemplate, ...errorResponses } } },
      async (request) => templateOf(request.program.id, request.params.template, request.params.locale),
    );

    app.put(
      '/v1/email-templates/:template/:locale',
      {
        schema: {
          operationId: 'saveEmailTemplate',
          tags: ['emails'],
          summary: 'Replace a template with the merchant’s own (Liquid)',
          description: 'Refused with the part and the line when it does not parse or render with sample data; docs/emails.md lists the variables.',
          params: TemplateParams,
          body: EmailTemplateContent,
          response: { 200: EmailTemplate, ...errorResponses },
        },
      },
      async (request) => {
        const { template, locale } = request.params;
        flowOfTemplate(template);
        await checkRenders(request.body, locale, messagesFor(locale), SAMPLE_VARIABLES);
        await saveTemplate(deps.db, request.program.id, template, locale, request.body, deps.clock.now());
        return templateOf(request.program.id, template, locale);
      },
    );

    app.delete(
      '/v1/email-templates/:template/:locale',
      { schema: { operationId: 'resetEmailTemplate', tags: ['emails'], summary: 'Go back to the default template', params: TemplateParams, response: { 200: EmailTemplate, ...errorResponses } } },
      async (request) => {
        flowOfTemplate(request.params.template);
        await deleteTemplate(deps.db, request.program.id, request.params.template, request.params.locale);
        return templateOf(request.program.id, request.params.template, request.params.locale);
      },
    );

    app.post(
      '/v1/email-templates/:template/preview',
      {
        config: { changesNothing: true },
        schema: {
          operationId: 'previewEmailTemplate',
          tags: ['emails'],
          summary: 'Render a template (or a draft) as HTML and text, for a customer or with sample data',
          params: Type.Object({ template: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: EmailPreviewInput,
          response: { 200: EmailPreview, ...errorResponses },
        },
      },
      async (request) => {
        if (request.body.content) checkContent(request.body.content);
        if (request.body.customer_id) await getCustomer(deps.db, request.program.id, request.body.customer_id);
        const email = await previewEmail(deps, baseOf(request), request.program.id, request.params.template, request.body).catch((error: unknown) => {
          if (error instanceof RegularsError) throw error;
          throw invalidRequest('template_invalid', `The template does not render: ${error instanceof Error ? error.message : String(error)}`, 'content');
        });
        return { object: 'email_preview' as const, ...email };
      },
    );

    app.get(
      '/v1/email-suppressions',
      { schema: { operationId: 'listEmailSuppressions', tags: ['emails'], summary: 'Addresses no email goes to: hard bounces, and those set by the merchant', querystring: ListQuery, response: { 200: List(EmailSuppression), ...errorResponses } } },
      async (request) => {
        const rows = await listSuppressions(deps.db, request.program.id, request.query);
        return toList(rows, request.query.limit, (s) => ({ object: 'email_suppression' as const, email: s.email, reason: s.reason, created_at: iso(s.created_at)! }));
      },
    );

    app.post(
      '/v1/email-suppressions',
      {
        schema: {
          operationId: 'addEmailSuppression',
          tags: ['emails'],
          summary: 'Never email this address again (until removed)',
          body: Body({ email: Type.String({ format: 'email', maxLength: 320 }), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
          response: { 201: EmailSuppression, ...errorResponses },
        },
      },
      async (request, reply) => {
        const at = deps.clock.now();
        await suppress(deps.db, request.program.id, request.body.email, request.body.reason ?? 'merchant', at);
        return reply.status(201).send({ object: 'email_suppression' as const, email: request.body.email.trim().toLowerCase(), reason: request.body.reason ?? 'merchant', created_at: at.toISOString() });
      },
    );

    app.delete(
      '/v1/email-suppressions/:email',
      { schema: { operationId: 'removeEmailSuppression', tags: ['emails'], summary: 'Email this address again', params: Type.Object({ email: Type.String({ maxLength: 320 }) }), response: { 200: Type.Object({ object: Type.Literal('email_suppression'), email: Type.String(), deleted: Type.Boolean() }), ...errorResponses } } },
      async (request) => {
        if (!(await unsuppress(deps.db, request.program.id, request.params.email))) throw notFound('email suppression', request.params.email);
        return { object: 'email_suppression' as const, email: request.params.email.trim().toLowerCase(), deleted: true };
      },
    );
  };
