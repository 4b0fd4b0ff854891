// The lifecycle emails: the flows and their switches, the messages with their status, and each
// step's template (the merchant's own or the default) with its preview.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type EmailFlow = paths['/v1/email-flows']['get']['responses']['200']['content']['application/json']['data'][number];
export type EmailFlowChange = NonNullable<paths['/v1/email-flows/{flow}']['patch']['requestBody']>['content']['application/json'];
export type EmailMessage = paths['/v1/email-messages']['get']['responses']['200']['content']['application/json']['data'][number];
export type EmailStatus = EmailMessage['status'];
export type EmailLocale = paths['/v1/email-templates/{template}/{locale}']['get']['parameters']['path']['locale'];
export type EmailContent = NonNullable<paths['/v1/email-templates/{template}/{locale}']['put']['requestBody']>['content']['application/json'];

export const useEmailFlows = () => useQuery({ queryKey: ['email-flows'], queryFn: async () => unwrap(await client.GET('/v1/email-flows')) });

export function useUpdateEmailFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ flow, change }: { flow: string; change: EmailFlowChange }) => unwrap(await client.PATCH('/v1/email-flows/{flow}', { params: { path: { flow } }, body: change })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['email-flows'] }),
  });
}

/** The messages, newest first; `campaign_id` keeps one campaign's. A new `version` (what they are part of has moved on) asks again at once. */
export function useEmailMessages(filter: { status?: EmailStatus; campaign_id?: string; starting_after?: string }, version?: string) {
  return useQuery({
    queryKey: ['email-messages', filter, version],
    queryFn: async () => unwrap(await client.GET('/v1/email-messages', { params: { query: { limit: 20, ...filter } } })),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

export function useEmailTemplate(template: string, locale: EmailLocale, enabled: boolean) {
  return useQuery({
    queryKey: ['email-templates', template, locale],
    queryFn: async () => unwrap(await client.GET('/v1/email-templates/{template}/{locale}', { params: { path: { template, locale } } })),
    enabled,
  });
}

export function useSaveEmailTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ template, locale, content }: { template: string; locale: EmailLocale; content: EmailContent }) => unwrap(await client.PUT('/v1/email-templates/{template}/{locale}', { params: { path: { template, locale } }, body: content })),
    onSuccess: (saved) => queryClient.setQueryData(['email-templates', saved.template, saved.locale], saved),
  });
}

export function useResetEmailTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ template, locale }: { template: string; locale: EmailLocale }) => unwrap(await client.DELETE('/v1/email-templates/{template}/{locale}', { params: { path: { template, locale } } })),
    onSuccess: (saved) => queryClient.setQueryData(['email-templates', saved.template, saved.locale], saved),
  });
}

/** The draft rendered with sample data, as HTML for the preview frame; nothing is sent. */
export function usePreviewEmail() {
  return useMutation({
    mutationFn: async ({ template, locale, content }: { template: string; locale: EmailLocale; content: EmailContent }) =>
      unwrap(await client.POST('/v1/email-templates/{template}/preview', { params: { path: { template } }, body: { locale, content } })),
  });
}

export type EmailReport = paths['/v1/email-reports']['get']['responses']['200']['content']['application/json'];

/** Each flow's last 30 days: what went out, and the orders that followed within a week. */
export function useEmailReport(range: { from: string; to: string }) {
  return useQuery({ queryKey: ['email-report', range], queryFn: async () => unwrap(await client.GET('/v1/email-reports', { params: { query: range } })), staleTime: 60_000 });
}
