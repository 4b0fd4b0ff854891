// The program itself (name, currency, settings), and its earning rules, rewards and tiers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type Program = paths['/v1/program']['get']['responses']['200']['content']['application/json'];
export type ProgramChange = NonNullable<paths['/v1/program']['patch']['requestBody']>['content']['application/json'];
export type EarningRule = paths['/v1/earning-rules']['get']['responses']['200']['content']['application/json']['data'][number];
export type NewEarningRule = NonNullable<paths['/v1/earning-rules']['post']['requestBody']>['content']['application/json'];
export type EarningPreviewInput = NonNullable<paths['/v1/earning-rules/preview']['post']['requestBody']>['content']['application/json'];
export type EarningPreview = paths['/v1/earning-rules/preview']['post']['responses']['200']['content']['application/json'];
export type Reward = paths['/v1/rewards']['get']['responses']['200']['content']['application/json']['data'][number];
export type NewReward = NonNullable<paths['/v1/rewards']['post']['requestBody']>['content']['application/json'];

export function useProgram() {
  return useQuery({ queryKey: ['program'], queryFn: async () => unwrap(await client.GET('/v1/program')), staleTime: 60_000 });
}

export function useUpdateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProgramChange) => unwrap(await client.PATCH('/v1/program', { body })),
    onSuccess: (program) => queryClient.setQueryData(['program'], program),
  });
}

export function useEarningRules() {
  return useQuery({ queryKey: ['earning-rules'], queryFn: async () => unwrap(await client.GET('/v1/earning-rules', { params: { query: { limit: 100 } } })) });
}

export function useCreateEarningRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewEarningRule) => unwrap(await client.POST('/v1/earning-rules', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['earning-rules'] }),
  });
}

/** "Try an order": what a cart earns under the saved rules, and a draft rule when one is given. */
export function usePreviewEarning() {
  return useMutation({ mutationFn: async (body: EarningPreviewInput) => unwrap(await client.POST('/v1/earning-rules/preview', { body })) });
}

export function useRewards() {
  return useQuery({ queryKey: ['rewards'], queryFn: async () => unwrap(await client.GET('/v1/rewards', { params: { query: { limit: 100 } } })) });
}

export function useCreateReward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewReward) => unwrap(await client.POST('/v1/rewards', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rewards'] }),
  });
}

export function useTiers() {
  return useQuery({ queryKey: ['tiers'], queryFn: async () => unwrap(await client.GET('/v1/tiers')), staleTime: 60_000 });
}
