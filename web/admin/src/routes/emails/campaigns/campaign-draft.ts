// The campaign form's draft: its name and audience, its words in each language, its button, when
// it goes, and its gift; what the API is sent, and which of the API's errors shows beside a field.
import type { CampaignContent, CampaignLocale, EmailCampaign, NewEmailCampaign } from '../../../hooks/api/email-campaigns.ts';
import { unlessEmpty } from '../../../hooks/use-form-dialog.ts';
import { localInput, toUtc } from '../../../lib/local-time.ts';

export const CAMPAIGN_LOCALES: CampaignLocale[] = ['en', 'ar', 'fa', 'zh-Hans', 'zh-Hant'];
export const CONTENT_PARTS = ['subject', 'preheader', 'heading', 'body', 'button'] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];
export type LocaleContent = Record<ContentPart, string>;

/** Arabic and Persian are written, and their emails laid out, right to left. */
export const isRtl = (locale: CampaignLocale) => locale === 'ar' || locale === 'fa';

export interface CampaignDraft {
  /** The campaign being changed; none while it is being made. */
  id?: string;
  name: string;
  /** A survey asks the 0–10 question; with no words written, in the survey template's. */
  kind: 'message' | 'survey';
  /** '' is every customer. */
  segment_id: string;
  content: Record<CampaignLocale, LocaleContent>;
  button_url: string;
  when: 'now' | 'later';
  /** A datetime-local value, in the browser's time zone. */
  scheduled_at: string;
  gift: 'none' | 'points' | 'reward';
  points: number | '';
  reward_id: string;
  reason: string;
}

const BLANK: LocaleContent = { subject: '', preheader: '', heading: '', body: '', button: '' };

/** A language is sent once anything of it is written; one left empty is not. */
export const isWritten = (content: LocaleContent) => CONTENT_PARTS.some((part) => content[part].trim() !== '');

/** The parts a preview needs before it can render; a survey with nothing written renders in the survey template's words. */
export const isRenderable = (content: LocaleContent, survey = false) => (survey && !isWritten(content)) || (content.subject.trim() !== '' && content.heading.trim() !== '' && content.body.trim() !== '');

/** A new campaign: to every customer, now, without a gift (a time, if picked, offered as tomorrow at nine). */
export function emptyCampaign(): CampaignDraft {
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  const content = Object.fromEntries(CAMPAIGN_LOCALES.map((l) => [l, { ...BLANK }])) as CampaignDraft['content'];
  return { name: '', kind: 'message', segment_id: '', content, button_url: '', when: 'now', scheduled_at: localInput(tomorrow), gift: 'none', points: '', reward_id: '', reason: '' };
}

/** A scheduled campaign as the form shows it to be changed (its audience and gift stay as they are). */
export function draftOf(campaign: EmailCampaign): CampaignDraft {
  const empty = emptyCampaign();
  const content = Object.fromEntries(CAMPAIGN_LOCALES.map((l) => [l, { ...BLANK, ...campaign.content[l] }])) as CampaignDraft['content'];
  const gift = campaign.gift;
  return {
    ...empty,
    id: campaign.id,
    name: campaign.name,
    kind: campaign.kind,
    segment_id: campaign.segment_id ?? '',
    content,
    button_url: campaign.button_url ?? '',
    when: 'later',
    scheduled_at: localInput(new Date(campaign.scheduled_at)),
    gift: gift === null ? 'none' : gift.points !== null ? 'points' : 'reward',
    points: gift?.points ?? '',
    reward_id: gift?.reward_id ?? '',
    reason: gift?.reason ?? '',
  };
}

/** The languages written, the time only when one was picked, and the gift only when one was chosen. */
export function toCampaign(d: CampaignDraft): NewEmailCampaign {
  const content = Object.fromEntries(CAMPAIGN_LOCALES.filter((l) => isWritten(d.content[l])).map((l) => [l, d.content[l]])) as CampaignContent;
  // "Now", for a campaign that exists, moves its time to now; a new one starts now without a time.
  const scheduledAt = d.when === 'later' ? toUtc(d.scheduled_at) : d.id ? new Date().toISOString() : undefined;
  const gift = d.gift === 'none' ? undefined : { ...(d.gift === 'points' ? { points: unlessEmpty(d.points) } : { reward_id: d.reward_id }), ...(d.reason.trim() ? { reason: d.reason.trim() } : {}) };
  return {
    name: d.name.trim(),
    ...(d.kind === 'survey' ? { kind: 'survey' as const } : {}),
    ...(d.segment_id ? { segment_id: d.segment_id } : {}),
    content,
    ...(d.button_url.trim() ? { button_url: d.button_url.trim() } : {}),
    ...(scheduledAt ? { scheduled_at: scheduledAt } : {}),
    ...(gift ? { gift } : {}),
  };
}

/** The API's params that a field of the form shows beside it; any other error goes above the form. */
export const CAMPAIGN_FIELDS: readonly string[] = [
  'name',
  'segment_id',
  'button_url',
  'scheduled_at',
  'gift.points',
  'gift.reward_id',
  'gift.reason',
  'content',
  ...CAMPAIGN_LOCALES.flatMap((l) => [`content.${l}`, ...CONTENT_PARTS.map((part) => `content.${l}.${part}`)]),
];
