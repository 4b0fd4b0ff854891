import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { EmailCampaignsTable } from '../platform/db/email-tables.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { segmentSql } from '../segments/segment-conditions.ts';
import { definitionOf, getSegment } from '../segments/segment-store.ts';
import type { Locale } from '../storefront/locales.ts';
import type { EmailContent } from './email-render.ts';

export type CampaignRow = Selectable<EmailCampaignsTable>;

/** The flow name a campaign's messages carry; their trigger key is the campaign's id. */
export const CAMPAIGN_FLOW = 'campaign';

export interface CampaignInput {
  name: string;
  /** A survey asks the 0–10 question; its words default to the survey flow's template. */
  kind?: 'message' | 'survey';
  segment_id?: string;
  content: Partial<Record<Locale, EmailContent>>;
  button_url?: string;
  scheduled_at?: string;
}

export async function insertCampaign(tx: Tx, programId: string, input: CampaignInput, giftId: string | null, actor: string | null, at: Date): Promise<CampaignRow> {
  return tx
    .insertInto('email_campaigns')
    .values({
      id: newId('cmp', at.getTime()),
      program_id: programId,
      name: input.name,
      kind: input.kind ?? 'message',
      segment_id: input.segment_id ?? null,
      content: JSON.stringify(input.content),
      button_url: input.button_url ?? null,
      gift_id: giftId,
      scheduled_at: input.scheduled_at ? new Date(input.scheduled_at) : at,
      created_by: actor,
      created_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getCampaign(db: Db | Tx, programId: string, id: string): Promise<CampaignRow> {
  const row = await db.selectFrom('email_campaigns').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('email campaign', id);
  return row;
}

export async function listCampaigns(db: Db, programId: string, page: { limit: number; starting_after?: string }) {
  let query = db.selectFrom('email_campaigns').selectAll().where('program_id', '=', programId);
  if (page.starting_after) query = query.where('id', '<', page.starting_after);
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export type CampaignChange = Partial<Pick<CampaignInput, 'name' | 'content' | 'button_url' | 'scheduled_at'>>;

/** Changes a campaign that has not started; one that has (or is cancelled) is a conflict. */
export async function updateCampaign(tx: Tx, programId: string, id: string, change: CampaignChange): Promise<CampaignRow> {
  const campaign = await getCampaign(tx, programId, id);
  const updated = await tx
    .updateTable('email_campaigns')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.content !== undefined ? { content: JSON.stringify(change.content) } : {}),
      ...(change.button_url !== undefined ? { button_url: change.button_url } : {}),
      ...(change.scheduled_at !== undefined ? { scheduled_at: new Date(change.scheduled_at) } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw conflict('campaign_not_editable', `This campaign is ${campaign.status}; only a scheduled campaign can be changed.`);
  return updated;
}

/**
 * Cancels a campaign: a scheduled one sends nothing; one under way sends no more than it has
 * (its waiting messages are cancelled). Returns the campaign and how many messages it stopped.
 */
export async function cancelCampaign(tx: Tx, programId: string, id: string, at: Date): Promise<{ campaign: CampaignRow; stopped: number }> {
  const campaign = await getCampaign(tx, programId, id);
  if (campaign.status === 'cancelled') throw conflict('campaign_not_cancellable', 'This campaign is already cancelled.');
  const stopped = await tx
    .updateTable('email_messages')
    .set({ status: 'cancelled', reason: 'campaign_cancelled' })
    .where('program_id', '=', programId)
    .where('flow', '=', CAMPAIGN_FLOW)
    .where('trigger_key', '=', id)
    .where('status', 'in', ['queued', 'deferred'])
    .executeTakeFirst();
  if (campaign.status === 'started' && stopped.numUpdatedRows === 0n) throw conflict('campaign_not_cancellable', 'This campaign has sent all its emails.');
  const cancelled = await tx.updateTable('email_campaigns').set({ status: 'cancelled', cancelled_at: at }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return { campaign: cancelled, stopped: Number(stopped.numUpdatedRows) };
}

/** Who a campaign (or its draft) goes to: the segment's customers now, or every customer; never an erased one. */
export async function audienceSql(db: Db | Tx, programId: string, segmentId: string | null, now: Date) {
  if (!segmentId) return sql<boolean>`redacted_at is null`;
  const segment = await getSegment(db, programId, segmentId);
  return sql<boolean>`redacted_at is null and ${await segmentSql(db as Db, programId, definitionOf(segment), now)}`;
}

export interface AudienceCount {
  customers: number;
  recipients: number;
  without_email: number;
  without_consent: number;
  suppressed: number;
}

/** The preview before sending: of the audience, who would get the email now (an address, consent, not on the suppression list). */
export async function countAudience(db: Db, programId: string, segmentId: string | null, now: Date): Promise<AudienceCount> {
  const who = await audienceSql(db, programId, segmentId, now);
  const { rows } = await sql<{ customers: number; without_email: number; without_consent: number; suppressed: number }>`
    select count(*)::int as customers,
      count(*) filter (where c.email is null)::int as without_email,
      count(*) filter (where c.email is not null and not c.marketing_consent)::int as without_consent,
      count(*) filter (where c.email is not null and c.marketing_consent and s.email is not null)::int as suppressed
    from (select id, email, marketing_consent from customers where program_id = ${programId} and ${who}) c
    left join email_suppressions s on s.program_id = ${programId} and s.email = lower(trim(c.email))`.execute(db);
  const r = rows[0]!;
  return { ...r, recipients: r.customers - r.without_email - r.without_consent - r.suppressed };
}

export const dueCampaigns = (db: Db, now: Date) => db.selectFrom('email_campaigns').selectAll().where('status', '=', 'scheduled').where('scheduled_at', '<=', now).orderBy('scheduled_at').execute();

/**
 * Starts a campaign: one statement queues a marketing message for each customer of the audience
 * as it is now, keyed by the campaign, so a second start (another instance, a retry) queues no
 * one twice. Consent, the suppression list, the frequency cap and quiet hours are checked when
 * each message goes, as for the flows.
 */
export async function startCampaign(db: Db, campaign: CampaignRow, context: Record<string, string | number>, at: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const claimed = await tx.updateTable('email_campaigns').set({ status: 'started', started_at: at }).where('id', '=', campaign.id).where('status', '=', 'scheduled').returning('id').executeTakeFirst();
    if (!claimed) return 0;
    const who = await audienceSql(tx, campaign.program_id, campaign.segment_id, at);
    const { rows } = await sql<{ n: number }>`
      with queued as (
        insert into email_messages (id, program_id, customer_id, flow, template, trigger_key, category, status, context, send_after, created_at)
        select 'eml_' || substr(${campaign.id}, 5) || substr(id, 5), program_id, id, ${CAMPAIGN_FLOW}, ${CAMPAIGN_FLOW}, ${campaign.id}, 'marketing', 'queued', ${JSON.stringify(context)}::jsonb, ${at}, ${at}
        from customers where program_id = ${campaign.program_id} and ${who}
        on conflict do nothing returning 1
      ) select count(*)::int as n from queued`.execute(tx);
    await tx.updateTable('email_campaigns').set({ recipients: rows[0]!.n }).where('id', '=', campaign.id).execute();
    return rows[0]!.n;
  });
}

/** What the campaign says in a locale: that locale's words, else the program's language's, else English's, else the first written (none: a survey's default words). */
export function campaignContent(campaign: Pick<CampaignRow, 'content'>, locale: Locale, programLocale: string): EmailContent | undefined {
  const content = campaign.content;
  return content[locale] ?? content[programLocale] ?? content.en ?? Object.values(content)[0];
}
