import { Type } from 'typebox';
import { Body, optional } from '../../platform/http/body.ts';
import { Id, Nullable, Timestamp } from './common.ts';
import { EmailPreview, emailContentFields, FlowReport } from './emails.ts';

const Content = Type.Object(emailContentFields, { additionalProperties: false });
const locales = ['en', 'ar', 'fa', 'zh-Hans', 'zh-Hant'] as const;
const ContentPerLocale = Type.Object(Object.fromEntries(locales.map((l) => [l, Type.Optional(Content)])) as Record<(typeof locales)[number], Type.TOptional<typeof Content>>, {
  additionalProperties: false,
    description: 'The email in each language written (Liquid, the variables of docs/emails.md, plus `gift`). A customer reads their language, else the program’s, else English, else the first written.',
});

const CampaignGiftInput = Body(
  {
    points: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e9, description: 'Points to each customer of the audience.' })),
    reward_id: Type.Optional(Id('rwd', 'Or a reward to each, free.')),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'What the ledger says; the campaign’s name unless set.' })),
  },
  { description: 'A group gift to the same audience at the same time (docs/segments.md#group-gifts), to everyone in it, consent to email or not.' },
);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, description: 'For the merchant: "Program launch", "Holiday greetings".' }),
  kind: Type.Optional(Type.Union([Type.Literal('message'), Type.Literal('survey')], { description: 'survey: the 0–10 "would you recommend us" question, answered on a hosted page (docs/surveys.md); its content defaults to the survey flow’s template. Default message.' })),
  segment_id: Type.Optional(Id('seg', 'The audience: the segment’s customers when the campaign starts. Without it, every customer.')),
  content: Type.Optional(ContentPerLocale),
  button_url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000, description: 'Where the button goes; the store unless set.' })),
  scheduled_at: Type.Optional(Type.String({ format: 'date-time', description: 'When it starts (default now); cancellable until it has sent everything.' })),
};

export const EmailCampaignCreate = Body({ ...fields, gift: Type.Optional(CampaignGiftInput) });
const { name, button_url, scheduled_at } = fields;
export const EmailCampaignChange = Body(optional({ name, content: ContentPerLocale, button_url, scheduled_at }), { description: 'Only while scheduled.' });

export const EmailCampaign = Type.Object({
  object: Type.Literal('email_campaign'),
  id: Type.String({ description: '`cmp_…`' }),
  name: Type.String(),
  kind: Type.Union([Type.Literal('message'), Type.Literal('survey')]),
  segment_id: Nullable(Type.String()),
  content: Type.Object(ContentPerLocale.properties, { additionalProperties: false, description: 'Empty for a survey in the default words.' }),
  button_url: Nullable(Type.String()),
  gift: Nullable(
    Type.Object({
      id: Type.String(),
      points: Nullable(Type.Integer()),
      reward_id: Nullable(Type.String()),
      reason: Type.String(),
      status: Type.String({ description: 'scheduled, running, done or cancelled.' }),
      given: Type.Integer(),
    }),
  ),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('cancelled')], { description: 'sending: some of its emails still wait (their time, quiet hours, the frequency cap).' }),
  scheduled_at: Timestamp,
  recipients: Nullable(Type.Integer({ description: 'Customers it was queued for when it started (the audience then); each gets it once.' })),
  report: Type.Omit(FlowReport, ['flow']),
  created_at: Timestamp,
  started_at: Nullable(Timestamp),
  cancelled_at: Nullable(Timestamp),
});

export const EmailCampaignPreviewInput = Body({
  kind: Type.Optional(Type.Union([Type.Literal('message'), Type.Literal('survey')], { description: 'survey: the 0–10 "would you recommend us" question, answered on a hosted page (docs/surveys.md); its content defaults to the survey flow’s template. Default message.' })),
  segment_id: Type.Optional(Id('seg', 'The audience to count; every customer without it.')),
  content: Type.Optional(ContentPerLocale),
  locale: Type.Optional(Type.Union(locales.map((l) => Type.Literal(l)), { description: 'The language to render; the customer’s (or the program’s) unless set.' })),
  customer_id: Type.Optional(Id('cus', 'Render for this customer; sample data without it.')),
});

const count = (description: string) => Type.Integer({ description });
export const EmailCampaignPreview = Type.Object({
  object: Type.Literal('email_campaign_preview'),
  audience: Type.Object({
    customers: count('In the audience now (erased customers never are).'),
    recipients: count('Would get the email now: an address, marketing consent, not on the suppression list.'),
    without_email: count('No email address.'),
    without_consent: count('No marketing consent.'),
    suppressed: count('Their address bounced or complained.'),
  }),
  email: Nullable(Type.Omit(EmailPreview, ['object']), { description: 'The content rendered, when given.' }),
});
