// VIP tiers: the structure, a preview of a threshold change before it is saved, and the
// recalculation that moves everyone once it is (a job, with progress).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type Tier = paths['/v1/tiers']['get']['responses']['200']['content']['application/json']['data'][number];
export type NewTier = NonNullable<paths['/v1/tiers']['post']['requestBody']>['content']['application/json'];
export type ThresholdChange = { tier_id: string; threshold: number };
export type Recalculation = paths['/v1/tiers/recalculations/{id}']['get']['responses']['200']['content']['application/json'];

export function usePreviewThresholds() {
  return useMutation({ mutationFn: async (thresholds: ThresholdChange[]) => unwrap(await client.POST('/v1/tiers/recalculations', { body: { dry_run: true, thresholds } })) });
}

export function useCreateTier() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: async (body: NewTier) => unwrap(await client.POST('/v1/tiers', { body })), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tiers'] }) });
}

/** Saves the thresholds, then starts the recalculation; its progress is `useRecalculation`. */
export function useSaveThresholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: ThresholdChange[]) => {
      for (const { tier_id, threshold } of changes) unwrap(await client.PATCH('/v1/tiers/{id}', { params: { path: { id: tier_id } }, body: { threshold } }));
      return unwrap(await client.POST('/v1/tiers/recalculations', { body: {} }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['tiers'] }),
  });
}

const finished = (r: Recalculation | undefined) => r?.status === 'done' || r?.status === 'failed';

export function useRecalculation(id: string | null | undefined) {
  return useQuery({
    queryKey: ['tier-recalculations', id],
    queryFn: async () => unwrap(await client.GET('/v1/tiers/recalculations/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    refetchInterval: (query) => (finished(query.state.data) ? false : 1000),
  });
}
