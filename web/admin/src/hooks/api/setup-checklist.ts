// What the Setup checklist reads (the referral program, the store connections) and what its
// buttons do: the starter rewards, the widget secret and a test customer's token; and pausing a
// store connection (Developers).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';
import { minorDigits } from '../../lib/format.ts';
import type { NewReward } from './program.ts';

export function useReferralProgram() {
  return useQuery({ queryKey: ['referral-program'], queryFn: async () => unwrap(await client.GET('/v1/referral-program')) });
}

export type Connection = paths['/v1/connections']['get']['responses']['200']['content']['application/json']['data'][number];

export function useConnections() {
  return useQuery({ queryKey: ['connections'], queryFn: async () => unwrap(await client.GET('/v1/connections', { params: { query: { limit: 100 } } })) });
}

export type NewConnection = NonNullable<paths['/v1/connections']['post']['requestBody']>['content']['application/json'];

export function useCreateConnection() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: async (body: NewConnection) => unwrap(await client.POST('/v1/connections', { body })), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['connections'] }) });
}

/** Pauses a connection (its deliveries are refused) or resumes it. */
export function useSetConnectionActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, active }: { id: string; active: boolean }) => unwrap(await client.POST(active ? '/v1/connections/{id}/enable' : '/v1/connections/{id}/disable', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['connections'] }),
  });
}

/**
 * Three rewards most programs start with, priced for a point per unit spent. Their names are what
 * shoppers read, in the store's language: English until the merchant renames them.
 */
export const starterRewards = (currency: string): NewReward[] => [
  { name: 'Free shipping', type: 'free_shipping', points_cost: 300 },
  { name: `${new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(5)} off`, type: 'amount_off', amount: 5 * 10 ** minorDigits(currency), points_cost: 500 },
  { name: '10% off', type: 'percent_off', percent: 10, points_cost: 1000 },
];

export function useCreateStarterRewards() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (rewards: NewReward[]) => {
      for (const body of rewards) unwrap(await client.POST('/v1/rewards', { body }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['rewards'] }),
  });
}

/** A new widget secret, shown once; the program then says it has one. */
export function useCreateWidgetSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await client.POST('/v1/program/widget-secret')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['program'] }),
  });
}

export function useTestCustomerToken() {
  return useMutation({ mutationFn: async (body: { external_id: string; email?: string }) => unwrap(await client.POST('/v1/program/test-customer-token', { body })) });
}
