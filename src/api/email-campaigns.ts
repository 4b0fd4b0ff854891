import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getCustomer } from '../customers/customer-store.ts';
import { CAMPAIGN_FLOW, campaignContent, countAudience, getCampaign, listCampaigns, type CampaignRow } from '../emails/campaign-store.ts';
import { contentFor } from '../emails/email-content.ts';
import type { EmailContent } from '../emails/email-render.ts';
import { campaignSource, emailReports, type FlowReport } from '../emails/email-report.ts';
import { getGift, type GiftRow } from '../gifts/gift-store.ts';
import type { Db } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { toList } from '../platform/http/pagination.ts';
import { assertSegmentExists } from '../segments/segment-store.ts';
import { pickLocale, type Locale } from '../storefront/locales.ts';
import { changeCampaign, scheduleCampaign, stopCampaign } from '../workflows/emails/campaign-scheduled.ts';
import { sendingProgram } from '../workflows/emails/email-delivered.ts';
import { previewMessage } from '../workflows/emails/email-previewed.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { EmailCampaign, EmailCampaignChange, EmailCampaignCreate, EmailCampaignPreview, EmailCampaignPreviewInput } from './schemas/email-campaigns.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The reports of these campaigns, from the first one's creation up to now, in one pass. */
async function reportsOf(db: Db, programId: string, campaigns: CampaignRow[], now: Date): Promise<Map<string, FlowReport>> {
  if (campaigns.length === 0) return new Map();
  const from = new Date(Math.min(...campaigns.map((c) => new Date(c.created_at).getTime())));
  return emailReports(db, programId, { from, to: new Date(now.getTime() + 1) });
}

function present(c: CampaignRow, gift: GiftRow | undefined, reports: Map<string, FlowReport>) {
  const { flow: _flow, ...report } = reports.get(campaignSource(c.id)) ?? { flow: '', queued: 0, sent: 0, outbox: 0, deferred: 0, suppressed: 0, failed: 0, cancelled: 0, unsubscribes: 0, clicks: 0, orders: 0, revenue: 0 };
  const status: 'scheduled' | 'sending' | 'sent' | 'cancelled' = c.status === 'started' ? (report.queued + report.deferred > 0 ? 'sending' : 'sent') : c.status;
  return {
    object: 'email_campaign' as const,
    id: c.id,
    name: c.name,
    kind: c.kind,
    segment_id: c.segment_id,
    content: c.content,
    button_url: c.button_url,
    gift: gift ? { id: gift.id, points: gift.points, reward_id: gift.reward_id, reason: gift.reason, status: gift.status, given: gift.given } : null,
    status,
    scheduled_at: iso(c.scheduled_at)!,
    recipients: c.recipients,
    report,
    created_at: iso(c.created_at)!,
    started_at: iso(c.started_at),
    cancelled_at: iso(c.cancelled_at),
  };
}

const Params = Type.Object({ id: Id('cmp') });
const actorOf = (request: FastifyRequest) => (request.actor?.kind === 'user' ? request.actor.email : request.program.apiKeyId);

/** Email campaigns (docs/emails.md#campaigns): a one-off email to a segment, at a time, once per customer. */
export const emailCampaignRoutes =
  (deps: Deps, publicUrl: string | undefined): FastifyPluginAsyncTypebox =>
  async (app) => {
    const presentAll = async (programId: string, campaigns: CampaignRow[]) => {
      const [reports, gifts] = await Promise.all([reportsOf(deps.readDb, programId, campaigns, deps.clock.now()), Promise.all(campaigns.map((c) => (c.gift_id ? getGift(deps.db, programId, c.gift_id) : undefined)))]);
      return campaigns.map((c, i) => present(c, gifts[i], reports));
    };
    const presentOne = async (programId: string, campaign: CampaignRow) => (await presentAll(programId, [campaign]))[0]!;

    app.post(
      '/v1/email-campaigns',
      { schema: { operationId: 'createEmailCampaign', tags: ['emails'], summary: 'Schedule a one-off email to a segment (or everyone), optionally with a gift', body: EmailCampaignCreate, response: { 201: EmailCampaign, ...errorResponses } } },
      async (request, reply) => {
        const body = { ...request.body, content: (request.body.content ?? {}) as Partial<Record<Locale, EmailContent>> };
        const campaign = await scheduleCampaign(deps, request.program.id, body, actorOf(request));
        return reply.status(201).send(await presentOne(request.program.id, campaign));
      },
    );

    app.post(
      '/v1/email-campaigns/preview',
      {
        config: { changesNothing: true },
        schema: { operationId: 'previewEmailCampaign', tags: ['emails'], summary: 'Before sending: who would get it now, and the email rendered', body: EmailCampaignPreviewInput, response: { 200: EmailCampaignPreview, ...errorResponses } },
      },
      async (request) => {
        const { segment_id, content, customer_id, kind } = request.body;
        const programId = request.program.id;
        if (segment_id) await assertSegmentExists(deps.db, programId, segment_id);
        const audience = await countAudience(deps.readDb, programId, segment_id ?? null, deps.clock.now());
        const survey = kind === 'survey';
        if (!content && !survey) return { object: 'email_campaign_preview' as const, audience, email: null };
        const [program, customer] = await Promise.all([sendingProgram(deps, programId), customer_id ? getCustomer(deps.db, programId, customer_id) : undefined]);
        const locale = request.body.locale ?? pickLocale(customer?.locale ?? null, program.default_locale);
        const draft = content && campaignContent({ content: content as Record<string, EmailContent> }, locale, program.default_locale);
        if (!draft && !survey) throw invalidRequest('parameter_invalid', 'Write the email in at least one language to preview it.', 'content');
        // A survey without its own words reads as the survey flow's template.
        const words = draft ?? (await contentFor(deps.db, programId, 'survey', locale));
        const of = { flow: CAMPAIGN_FLOW, template: CAMPAIGN_FLOW, category: 'marketing' as const };
        const email = await previewMessage(deps, publicUrl ?? `${request.protocol}://${request.host}`, programId, of, { content: words, locale, customer_id, context: survey ? { survey: 1 } : {} });
        return { object: 'email_campaign_preview' as const, audience, email };
      },
    );

    app.get('/v1/email-campaigns', { schema: { operationId: 'listEmailCampaigns', tags: ['emails'], summary: 'Campaigns, newest first, with what their emails did', querystring: ListQuery, response: { 200: List(EmailCampaign), ...errorResponses } } }, async (request) => {
      const rows = await listCampaigns(deps.db, request.program.id, request.query);
      const presented = await presentAll(request.program.id, rows);
      return toList(presented, request.query.limit, (c) => c);
    });

    app.get('/v1/email-campaigns/:id', { schema: { operationId: 'getEmailCampaign', tags: ['emails'], summary: 'A campaign: its audience, its gift, and its report', params: Params, response: { 200: EmailCampaign, ...errorResponses } } }, async (request) =>
      presentOne(request.program.id, await getCampaign(deps.db, request.program.id, request.params.id)),
    );

    app.patch(
      '/v1/email-campaigns/:id',
      { schema: { operationId: 'updateEmailCampaign', tags: ['emails'], summary: 'Change a campaign before it starts', params: Params, body: EmailCampaignChange, response: { 200: EmailCampaign, ...errorResponses } } },
      async (request) => {
        const change = { ...request.body, content: request.body.content as Partial<Record<Locale, EmailContent>> | undefined };
        return presentOne(request.program.id, await changeCampaign(deps, request.program.id, request.params.id, change));
      },
    );

    app.post(
      '/v1/email-campaigns/:id/cancel',
      { schema: { operationId: 'cancelEmailCampaign', tags: ['emails'], summary: 'Cancel a campaign: nothing more is sent (and its gift, if it has not started, is not given)', params: Params, response: { 200: EmailCampaign, ...errorResponses } } },
      async (request) => presentOne(request.program.id, (await stopCampaign(deps, request.program.id, request.params.id)).campaign),
    );
  };
