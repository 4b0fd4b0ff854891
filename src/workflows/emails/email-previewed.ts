import { getCustomer } from '../../customers/customer-store.ts';
import { contentFor } from '../../emails/email-content.ts';
import { renderEmail, type EmailContent } from '../../emails/email-render.ts';
import { flowSetting, type EmailMessage } from '../../emails/email-store.ts';
import { TEMPLATE_KEYS } from '../../emails/flows.ts';
import { SAMPLE_SURVEY, SAMPLE_VARIABLES } from '../../emails/variables.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { pickLocale, type Locale } from '../../storefront/locales.ts';
import { layoutOf, renderMessage, sendingProgram } from './email-delivered.ts';

export const flowOfTemplate = (template: string) => {
  if (!TEMPLATE_KEYS.includes(template)) throw notFound('email template', template);
  return template.split('.')[0]!;
};

/** A template (saved, or a draft) rendered for one customer, or with sample data; nothing is sent or kept. */
export async function previewEmail(deps: Deps, publicUrl: string, programId: string, template: string, input: PreviewInput) {
  const flow = flowOfTemplate(template);
  const setting = await flowSetting(deps.db, programId, flow);
  return previewMessage(deps, publicUrl, programId, { flow, template, category: setting.category }, input);
}

type PreviewInput = { locale?: Locale; customer_id?: string; content?: EmailContent; context?: Record<string, string | number> };

/** A message of a flow (or a campaign's, with its draft content) as it would read; nothing is sent or kept. */
export async function previewMessage(deps: Deps, publicUrl: string, programId: string, of: Pick<EmailMessage, 'flow' | 'template' | 'category'>, input: PreviewInput) {
  const program = await sendingProgram(deps, programId);
  const marketing = of.category === 'marketing';
  if (input.customer_id) {
    const customer = await getCustomer(deps.db, programId, input.customer_id);
    const now = deps.clock.now();
    const message = { id: 'preview', program_id: programId, customer_id: customer.id, ...of, trigger_key: 'preview', status: 'queued', reason: null, context: input.context ?? {}, send_after: now, attempts: 0, claimed_until: null, to_address: null, locale: null, subject: null, html: null, text_body: null, smtp_response: null, created_at: now, sent_at: null } satisfies EmailMessage;
    return (await renderMessage(deps, publicUrl, program, customer, message, marketing, { content: input.content, locale: input.locale })).email;
  }
  const locale = input.locale ?? pickLocale(program.default_locale);
  const content = input.content ?? (await contentFor(deps.db, programId, of.template, locale));
  const survey = of.flow === 'survey' || input.context?.survey === 1 ? { survey: SAMPLE_SURVEY } : {};
  return renderEmail(content, { ...SAMPLE_VARIABLES, ...survey, program: { name: program.name, store_url: program.store_url ?? SAMPLE_VARIABLES.program.store_url } }, layoutOf(program, locale, marketing));
}
