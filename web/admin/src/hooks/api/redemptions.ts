// A customer's redemptions (reward codes) and voiding one, which returns its points.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type Redemption = paths['/v1/customers/{id}/redemptions']['get']['responses']['200']['content']['application/json']['data'][number];

export function useCustomerRedemptions(customerId: string, startingAfter: string | undefined) {
  return useQuery({
    queryKey: ['customers', customerId, 'redemptions', startingAfter],
    queryFn: async () =>
      unwrap(await client.GET('/v1/customers/{id}/redemptions', { params: { path: { id: customerId }, query: { limit: 10, starting_after: startingAfter } } })),
    placeholderData: keepPreviousData,
  });
}

export function useVoidRedemption(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason?: string }) =>
      unwrap(await client.POST('/v1/redemptions/{id}/void', { params: { path: { id } }, body: reason ? { reason } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers', customerId] }),
  });
}
