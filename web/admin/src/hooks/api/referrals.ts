// Referrals the fraud checks flagged, to approve or reject with a reason.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type Referral = paths['/v1/referrals']['get']['responses']['200']['content']['application/json']['data'][number];

const key = ['referrals', 'flagged'] as const;

export function useFlaggedReferrals(startingAfter: string | undefined) {
  return useQuery({
    queryKey: [...key, startingAfter],
    queryFn: async () => unwrap(await client.GET('/v1/referrals', { params: { query: { status: 'flagged', limit: 25, starting_after: startingAfter } } })),
    placeholderData: keepPreviousData,
  });
}

export function useReviewReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      decision === 'approve'
        ? unwrap(await client.POST('/v1/referrals/{id}/approve', { params: { path: { id } }, body: {} }))
        : unwrap(await client.POST('/v1/referrals/{id}/reject', { params: { path: { id } }, body: { reason: reason ?? '' } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
