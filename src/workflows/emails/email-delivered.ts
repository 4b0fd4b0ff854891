import { getCustomer, type CustomerRow } from '../../customers/customer-store.ts';
import { decide } from '../../emails/delivery-rules.ts';
import { CAMPAIGN_FLOW, getCampaign } from '../../emails/campaign-store.ts';
import { messageContent } from '../../emails/email-content.ts';
import { renderEmail, type EmailContent } from '../../emails/email-render.ts';
import { claimDueMessages, flowSetting, lastMarketingSentAt, recordOutcome, suppress, suppressionOf, type EmailMessage, type FlowSetting } from '../../emails/email-store.ts';
import { unsubscribeToken } from '../../emails/unsubscribe-token.ts';
import { clickToken, trackLinks } from '../../emails/link-tracking.ts';
import type { Deps } from '../../platform/deps.ts';
import type { MailTransport } from '../../platform/email/mail-transport.ts';
import { messagesFor, pickLocale, type Locale } from '../../storefront/locales.ts';
import { customerProfile } from '../customer-profile.ts';
import { emailVariables, type EmailProgram } from './email-variables.ts';

/** How this instance sends: SMTP, or none (the embedded default: messages are rendered into the outbox). */
export interface MailSettings {
  transport: MailTransport | undefined;
  /** EMAIL_FROM, unless the program has its own sender. */
  from: string;
  /** Where shoppers reach this instance: unsubscribe and referral links. */
  publicUrl: string;
  /** Seconds before each retry of a refused (4xx) send; then the message fails. */
  retrySeconds: number[];
}

export const DEFAULT_RETRY_SECONDS = [60, 300, 1800, 7200, 21600];

export type SendingProgram = EmailProgram & { email_link_tracking: boolean; email_from: string | null; email_reply_to: string | null; email_postal_address: string | null; email_quiet_hours: { start: string; end: string } | null; email_frequency_cap_hours: number; default_locale: string; primary_color: string | undefined };

export async function sendingProgram(deps: Deps, programId: string): Promise<SendingProgram> {
  const p = await deps.db
    .selectFrom('programs')
    .select(['id', 'name', 'currency', 'tier_metric', 'email_link_tracking', 'store_url', 'review_url', 'signup_url', 'email_from', 'email_reply_to', 'email_postal_address', 'email_quiet_hours', 'email_frequency_cap_hours', 'default_locale', 'widget_theme'])
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
  const { widget_theme, ...program } = p;
  return { ...program, primary_color: widget_theme.primary_color };
}

/** A message as this customer reads it: their language, their figures, the program's layout; a draft's content when given. */
export async function renderMessage(deps: Deps, publicUrl: string, program: SendingProgram, customer: CustomerRow, message: EmailMessage, marketing: boolean, draft?: { content?: EmailContent; locale?: Locale }) {
  const locale = draft?.locale ?? pickLocale(customer.locale, program.default_locale);
  const unsubscribeUrl = `${publicUrl}/u/${unsubscribeToken(deps.secrets, customer.id)}`;
  const variables = await emailVariables(deps, program, customer, message, locale, { base: publicUrl, unsubscribeUrl });
  const content = draft?.content ?? (await messageContent(deps.db, message, locale, program.default_locale));
  const email = await renderEmail(content, variables, layoutOf(program, locale, marketing));
  return { email, locale, unsubscribeUrl };
}

export const layoutOf = (program: SendingProgram, locale: Locale, marketing: boolean) => ({ locale, messages: messagesFor(locale), programName: program.name, primaryColor: program.primary_color, postalAddress: program.email_postal_address, marketing });

/**
 * What governs a message when it goes: its flow's settings (off: it is cancelled), or for a
 * campaign's, the campaign (cancelled: nothing more goes), which chose its audience when it started.
 */
async function settingOf(deps: Deps, message: EmailMessage): Promise<Pick<FlowSetting, 'enabled' | 'category' | 'conditions'> & { stopped: string }> {
  if (message.flow !== CAMPAIGN_FLOW) return { ...(await flowSetting(deps.db, message.program_id, message.flow)), stopped: 'flow_disabled' };
  const campaign = await getCampaign(deps.db, message.program_id, message.trigger_key);
  return { enabled: campaign.status !== 'cancelled', category: 'marketing', conditions: {}, stopped: 'campaign_cancelled' };
}

/** The merchant's audience conditions; a message whose customer no longer meets them is not sent. */
async function meetsConditions(deps: Deps, setting: Pick<FlowSetting, 'conditions'>, customer: CustomerRow): Promise<boolean> {
  const c = setting.conditions;
  if (c.min_balance !== undefined && customer.points_available < c.min_balance) return false;
  if (c.tier_ids?.length && !c.tier_ids.includes(customer.tier_id ?? 'none')) return false;
  if (!c.segments?.length && !c.stages?.length) return true;
  const profile = await customerProfile(deps, customer.program_id, customer.id);
  if (c.segments?.length && !c.segments.includes(profile.rfm_segment ?? '')) return false;
  if (c.stages?.length && !c.stages.includes(profile.lifecycle_stage ?? '')) return false;
  return true;
}

async function deliverOne(deps: Deps, mail: MailSettings, message: EmailMessage, program: SendingProgram): Promise<void> {
  const now = deps.clock.now();
  const [customer, setting] = await Promise.all([getCustomer(deps.db, message.program_id, message.customer_id), settingOf(deps, message)]);
  if (!setting.enabled) return recordOutcome(deps.db, message, { status: 'cancelled', reason: setting.stopped });
  if (customer.redacted_at) return recordOutcome(deps.db, message, { status: 'suppressed', reason: 'customer_erased' });
  if (!(await meetsConditions(deps, setting, customer))) return recordOutcome(deps.db, message, { status: 'cancelled', reason: 'conditions_not_met' });
  const [suppressed, lastMarketingAt] = await Promise.all([customer.email ? suppressionOf(deps.db, program.id, customer.email) : undefined, lastMarketingSentAt(deps.db, customer.id)]);
  const decision = decide(
    setting.category,
    { email: customer.email, marketingConsent: customer.marketing_consent, timeZone: customer.time_zone, suppressed: suppressed !== undefined, lastMarketingAt },
    { capHours: program.email_frequency_cap_hours, quietHours: program.email_quiet_hours },
    now,
  );
  if (decision.action === 'suppress') return recordOutcome(deps.db, message, { status: 'suppressed', reason: decision.reason });
  if (decision.action === 'defer') return recordOutcome(deps.db, message, { status: 'deferred', reason: decision.reason, sendAfter: decision.until });

  const marketing = setting.category === 'marketing';
  const { email: plain, locale, unsubscribeUrl } = await renderMessage(deps, mail.publicUrl, program, customer, message, marketing);
  const track = (url: string) => `${mail.publicUrl}/c?t=${clickToken(deps.secrets, { messageId: message.id, customerId: customer.id, url })}`;
  const email = program.email_link_tracking ? { ...plain, html: trackLinks(plain.html, track, unsubscribeUrl) } : plain;
  const rendered = { to: customer.email!, locale, ...email };
  if (!mail.transport) return recordOutcome(deps.db, message, { status: 'outbox', reason: 'no_smtp', rendered, sentAt: now });

  const headers: Record<string, string> = { 'X-Regulars-Message': message.id };
  if (marketing) Object.assign(headers, { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  const result = await mail.transport.send({ from: program.email_from ?? mail.from, to: customer.email!, ...(program.email_reply_to ? { replyTo: program.email_reply_to } : {}), subject: email.subject, html: email.html, text: email.text, headers });
  if (result.ok) return recordOutcome(deps.db, message, { status: 'sent', reason: null, rendered, smtpResponse: result.response, sentAt: deps.clock.now() });
  if (result.permanent) {
    await suppress(deps.db, program.id, customer.email!, 'bounced', now);
    return recordOutcome(deps.db, message, { status: 'failed', reason: 'rejected', rendered, smtpResponse: result.response });
  }
  const wait = mail.retrySeconds[message.attempts - 1];
  if (wait === undefined) return recordOutcome(deps.db, message, { status: 'failed', reason: 'retries_exhausted', rendered, smtpResponse: result.response });
  return recordOutcome(deps.db, message, { status: 'deferred', reason: 'smtp_temporary_failure', rendered, smtpResponse: result.response, sendAfter: new Date(now.getTime() + wait * 1000) });
}

/**
 * Delivers what is due: each message is claimed by one instance, checked against consent, the
 * suppression list, the frequency cap and quiet hours at the moment it goes, rendered in the
 * customer's language, and sent (or kept in the outbox without SMTP). Returns how many it handled.
 */
export async function deliverDueEmails(deps: Deps, mail: MailSettings, limit = 50): Promise<number> {
  const due = await claimDueMessages(deps.db, deps.clock.now(), limit);
  const programs = new Map<string, Promise<SendingProgram>>();
  for (const message of due) {
    if (!programs.has(message.program_id)) programs.set(message.program_id, sendingProgram(deps, message.program_id));
    try {
      await deliverOne(deps, mail, message, await programs.get(message.program_id)!);
    } catch (error) {
      // A template that no longer renders (a reward deleted under it, a bad edit) fails this message, not the sweep.
      await recordOutcome(deps.db, message, { status: 'failed', reason: `error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) });
    }
  }
  return due.length;
}
