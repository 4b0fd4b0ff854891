import { cancelCampaign, dueCampaigns, getCampaign, insertCampaign, startCampaign, updateCampaign, type CampaignChange, type CampaignInput, type CampaignRow } from '../../emails/campaign-store.ts';
import { checkRenders, type EmailContent } from '../../emails/email-render.ts';
import { SAMPLE_VARIABLES } from '../../emails/variables.ts';
import { cancelGift, createGift, getGift, rescheduleGift } from '../../gifts/gift-store.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { invalidRequest, RegularsError } from '../../platform/errors.ts';
import { assertSegmentExists } from '../../segments/segment-store.ts';
import { messagesFor, type Locale } from '../../storefront/locales.ts';

export interface CampaignGift {
  points?: number;
  reward_id?: string;
  reason?: string;
}

/** Each locale's words must parse and render with sample data; the error names the locale and the part. */
async function checkCampaignContent(content: Partial<Record<Locale, EmailContent>>, kind: CampaignInput['kind']): Promise<void> {
  const locales = Object.keys(content) as Locale[];
  if (locales.length === 0 && kind !== 'survey') throw invalidRequest('parameter_invalid', 'Write the email in at least one language.', 'content');
  for (const locale of locales) {
    await checkRenders(content[locale]!, locale, messagesFor(locale), SAMPLE_VARIABLES).catch((error: unknown) => {
      if (error instanceof RegularsError) throw invalidRequest(error.code, `${locale}: ${error.message}`, `content.${locale}${error.param ? `.${error.param}` : ''}`);
      throw error;
    });
  }
}

/**
 * Schedules a campaign, with its gift (if any) as a group gift to the same audience at the same
 * time, in one transaction: both exist or neither does.
 */
export async function scheduleCampaign(deps: Deps, programId: string, input: CampaignInput & { gift?: CampaignGift }, actor: string | null): Promise<CampaignRow> {
  const now = deps.clock.now();
  if (input.segment_id) await assertSegmentExists(deps.db, programId, input.segment_id);
  await checkCampaignContent(input.content, input.kind);
  return deps.db.transaction().execute(async (tx) => {
    const gift = input.gift
      ? await createGift(tx, programId, { ...input.gift, reason: input.gift.reason ?? input.name, segment_id: input.segment_id, everyone: !input.segment_id, scheduled_at: input.scheduled_at }, actor, now).catch((error: unknown) => {
          if (error instanceof RegularsError && error.param) throw invalidRequest(error.code, error.message, `gift.${error.param}`);
          throw error;
        })
      : undefined;
    return insertCampaign(tx, programId, input, gift?.id ?? null, actor, now);
  });
}

/** Changes a campaign before it starts; its gift moves with its time. */
export async function changeCampaign(deps: Deps, programId: string, id: string, change: CampaignChange): Promise<CampaignRow> {
  if (change.content) await checkCampaignContent(change.content, (await getCampaign(deps.db, programId, id)).kind);
  return deps.db.transaction().execute(async (tx) => {
    const campaign = await updateCampaign(tx, programId, id, change);
    if (campaign.gift_id && change.scheduled_at) await rescheduleGift(tx, campaign.gift_id, new Date(change.scheduled_at));
    return campaign;
  });
}

/** Cancels the campaign's waiting emails, and its gift while that has not started (a gift under way is given in full). */
export async function stopCampaign(deps: Deps, programId: string, id: string): Promise<{ campaign: CampaignRow; stopped: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const result = await cancelCampaign(tx, programId, id, now);
    if (result.campaign.gift_id && (await getGift(tx, programId, result.campaign.gift_id)).status === 'scheduled') await cancelGift(tx, programId, result.campaign.gift_id, now);
    return result;
  });
}

/** What a campaign's emails say of its gift and where their button goes, fixed when it starts. */
async function contextOf(db: Db, campaign: CampaignRow): Promise<Record<string, string | number>> {
  const context: Record<string, string | number> = { ...(campaign.button_url ? { button_url: campaign.button_url } : {}), ...(campaign.kind === 'survey' ? { survey: 1 } : {}) };
  if (!campaign.gift_id) return context;
  const gift = await getGift(db, campaign.program_id, campaign.gift_id);
  const reward = gift.reward_id ? await db.selectFrom('rewards').select('name').where('id', '=', gift.reward_id).executeTakeFirst() : undefined;
  return { ...context, gift_reason: gift.reason, ...(gift.points !== null ? { gift_points: gift.points } : {}), ...(reward ? { gift_reward_name: reward.name } : {}) };
}

/** Starts every campaign whose time has come: queues its emails once (see startCampaign). Returns how many emails it queued. */
export async function queueDueCampaigns(deps: Deps): Promise<number> {
  let queued = 0;
  for (const campaign of await dueCampaigns(deps.db, deps.clock.now())) queued += await startCampaign(deps.db, campaign, await contextOf(deps.db, campaign), deps.clock.now());
  return queued;
}
