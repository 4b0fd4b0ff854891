// Email campaigns (Emails → Campaigns): a one-off email to a segment or to every customer, now or
// at a time, with an optional gift; who it would reach now, the email rendered, and what its
// emails did. Its messages are the Emails page's messages, filtered by the campaign.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type EmailCampaign = paths['/v1/email-campaigns']['get']['responses']['200']['content']['application/json']['data'][number];
export type NewEmailCampaign = NonNullable<paths['/v1/email-campaigns']['post']['requestBody']>['content']['application/json'];
export type EmailCampaignChange = NonNullable<paths['/v1/email-campaigns/{id}']['patch']['requestBody']>['content']['application/json'];
export type CampaignStatus = EmailCampaign['status'];
export type CampaignContent = NonNullable<NewEmailCampaign['content']>;
export type CampaignLocale = keyof CampaignContent;
export type CampaignPreviewInput = NonNullable<paths['/v1/email-campaigns/preview']['post']['requestBody']>['content']['application/json'];
export type CampaignAudience = paths['/v1/email-campaigns/preview']['post']['responses']['200']['content']['application/json']['audience'];

const campaignsKey = ['email-campaigns'] as const;
const PAGE = 20;

/** Its emails go out now, or will within a minute: the sweep is at work on it. */
const underWay = (c: EmailCampaign) => c.status === 'sending' || (c.status === 'scheduled' && Date.parse(c.scheduled_at) <= Date.now());
/** Asked again every few seconds while one is under way, now and then while one waits for its time. */
const refetchFor = (campaigns: EmailCampaign[]) => {
  if (campaigns.some(underWay)) return 3_000;
  return campaigns.some((c) => c.status === 'scheduled') ? 30_000 : false;
};

/** The program's campaigns, newest first, each with its report. */
export function useEmailCampaigns(startingAfter: string | undefined) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', startingAfter],
    queryFn: async () => unwrap(await client.GET('/v1/email-campaigns', { params: { query: { limit: PAGE, starting_after: startingAfter } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => refetchFor(query.state.data?.data ?? []),
  });
}

export function useEmailCampaign(id: string | undefined) {
  return useQuery({
    queryKey: [...campaignsKey, id],
    queryFn: async () => unwrap(await client.GET('/v1/email-campaigns/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
    refetchInterval: (query) => refetchFor(query.state.data ? [query.state.data] : []),
  });
}

/** Creates a campaign, or (with `id`) changes the one that is still scheduled: its name, content, button and time. */
export function useSaveEmailCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, campaign }: { id: string | undefined; campaign: NewEmailCampaign }) => {
      if (!id) return unwrap(await client.POST('/v1/email-campaigns', { body: campaign }));
      const { name, content, button_url, scheduled_at } = campaign;
      const change: EmailCampaignChange = { name, content, ...(button_url ? { button_url } : {}), ...(scheduled_at ? { scheduled_at } : {}) };
      return unwrap(await client.PATCH('/v1/email-campaigns/{id}', { params: { path: { id } }, body: change }));
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData([...campaignsKey, saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: [...campaignsKey, 'list'] });
      // Its gift is one of the Segments page's gifts.
      if (saved.gift) await queryClient.invalidateQueries({ queryKey: ['gifts'] });
    },
  });
}

/** Refused (campaign_not_cancellable) once it is cancelled or has sent everything. */
export function useCancelEmailCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/v1/email-campaigns/{id}/cancel', { params: { path: { id } } })),
    // Refused or not, the campaign, its messages and its gift show where they stand now.
    onSettled: () => Promise.all([campaignsKey, ['email-messages'], ['gifts']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

/** Who a campaign to this segment (null: every customer) would reach now, and why the others would not get it. */
export function useCampaignAudience(segmentId: string | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'audience', segmentId],
    queryFn: async () => unwrap(await client.POST('/v1/email-campaigns/preview', { body: segmentId ? { segment_id: segmentId } : {} })).audience,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

/**
 * One language of the draft rendered with sample data, as HTML for the preview frame; nothing is
 * sent. The draft comes as its JSON so that an unchanged draft is the same query.
 */
export function useCampaignPreview(input: string, enabled: boolean) {
  return useQuery({
    queryKey: [...campaignsKey, 'preview', input],
    queryFn: async () => unwrap(await client.POST('/v1/email-campaigns/preview', { body: JSON.parse(input) as CampaignPreviewInput })).email,
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
