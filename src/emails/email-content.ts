import { readFileSync } from 'node:fs';
import type { Db } from '../platform/db/database.ts';
import { LOCALES, type Locale } from '../storefront/locales.ts';
import type { EmailContent } from './email-render.ts';
import { CAMPAIGN_FLOW, campaignContent, getCampaign } from './campaign-store.ts';
import { templateOverride, type EmailMessage } from './email-store.ts';

/** The default templates of every flow step, one file per locale (default-templates/*.json). */
const DEFAULTS: Record<Locale, Record<string, EmailContent>> = Object.fromEntries(
  LOCALES.map((locale) => [locale, JSON.parse(readFileSync(new URL(`./default-templates/${locale}.json`, import.meta.url), 'utf8')) as Record<string, EmailContent>]),
) as Record<Locale, Record<string, EmailContent>>;

export const defaultContent = (template: string, locale: Locale): EmailContent | undefined => DEFAULTS[locale][template] ?? DEFAULTS.en[template];

/** What a step says in a locale: the merchant's own template, else ours. */
export async function contentFor(db: Db, programId: string, template: string, locale: Locale): Promise<EmailContent> {
  const own = await templateOverride(db, programId, template, locale);
  const content = own ?? defaultContent(template, locale);
  if (!content) throw new Error(`no template ${template}`);
  return content;
}

/** What a message says in a locale: its campaign's words, or its flow step's template. */
export async function messageContent(db: Db, message: EmailMessage, locale: Locale, programLocale: string): Promise<EmailContent> {
  if (message.flow !== CAMPAIGN_FLOW) return contentFor(db, message.program_id, message.template, locale);
  const campaign = await getCampaign(db, message.program_id, message.trigger_key);
  return campaignContent(campaign, locale, programLocale) ?? contentFor(db, message.program_id, 'survey', locale);
}
