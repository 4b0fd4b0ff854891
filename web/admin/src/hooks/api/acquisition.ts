// Acquisition cost (Analytics): the marketing spend recorded per month and channel, and per month
// of first order what a customer cost (CAC), what they have been worth since, and the payback.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type AcquisitionCost = paths['/v1/acquisition-costs']['get']['responses']['200']['content']['application/json']['data'][number];
export type NewAcquisitionCost = NonNullable<paths['/v1/acquisition-costs']['post']['requestBody']>['content']['application/json'];
export type AcquisitionReport = paths['/v1/analytics/acquisition']['get']['responses']['200']['content']['application/json'];
export type AcquisitionMonth = AcquisitionReport['months'][number];

const costsKey = ['acquisition-costs'] as const;
const reportKey = ['analytics', 'acquisition'] as const;

export function useAcquisitionCosts() {
  return useQuery({ queryKey: costsKey, queryFn: async () => unwrap(await client.GET('/v1/acquisition-costs')) });
}

/** CAC, CLV : CAC and months to pay back for each month from `from` to `to` (YYYY-MM, both included). */
export function useAcquisitionReport(range: { from: string; to: string }) {
  return useQuery({ queryKey: [...reportKey, range], queryFn: async () => unwrap(await client.GET('/v1/analytics/acquisition', { params: { query: range } })), staleTime: 60_000 });
}

/** A new figure, or a new one for a month and channel already recorded; the report follows it. */
function useChangeCosts<B, R>(change: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: costsKey }), queryClient.invalidateQueries({ queryKey: reportKey })]),
  });
}

export const useRecordAcquisitionCost = () => useChangeCosts(async (body: NewAcquisitionCost) => unwrap(await client.POST('/v1/acquisition-costs', { body })));

export const useDeleteAcquisitionCost = () =>
  useChangeCosts(async ({ month, channel }: { month: string; channel: string }) =>
    unwrap(await client.DELETE('/v1/acquisition-costs/{month}', { params: { path: { month }, query: channel ? { channel } : {} } })),
  );
