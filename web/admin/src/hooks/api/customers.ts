// Customers: the list (looked up by email or external id), one customer, their ledger and the
// manual adjustment of points.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, queryString, unwrap } from '../../api/client.ts';

export type Customer = paths['/v1/customers/{id}']['get']['responses']['200']['content']['application/json'];
export type CustomerListItem = paths['/v1/customers']['get']['responses']['200']['content']['application/json']['data'][number];
export type Transaction = paths['/v1/customers/{id}/transactions']['get']['responses']['200']['content']['application/json']['data'][number];
/** The list's filters, as the API takes them. */
export type CustomerFilter = Pick<NonNullable<paths['/v1/customers']['get']['parameters']['query']>, 'q' | 'tier_id' | 'stage' | 'segment'>;

const PAGE = 25;

/** The CSV export of the same filters. */
export const customersExportUrl = (filter: CustomerFilter) => `/v1/customers/export${queryString({ ...filter })}`;

export function useCustomers(filter: CustomerFilter, startingAfter: string | undefined) {
  return useQuery({
    queryKey: ['customers', 'list', filter, startingAfter],
    queryFn: async () => unwrap(await client.GET('/v1/customers', { params: { query: { limit: PAGE, starting_after: startingAfter, ...filter } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customers', id],
    queryFn: async () => unwrap(await client.GET('/v1/customers/{id}', { params: { path: { id } } })),
  });
}

export function useCustomerTransactions(id: string, startingAfter: string | undefined) {
  return useQuery({
    queryKey: ['customers', id, 'transactions', startingAfter],
    queryFn: async () => unwrap(await client.GET('/v1/customers/{id}/transactions', { params: { path: { id }, query: { limit: PAGE, starting_after: startingAfter } } })),
    placeholderData: keepPreviousData,
  });
}

export function useAdjustPoints(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { points: number; reason: string }) => unwrap(await client.POST('/v1/customers/{id}/adjustments', { params: { path: { id } }, body })),
    // The balance and the ledger both change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers', id] }),
  });
}

export type TierChange = paths['/v1/customers/{id}/tier-history']['get']['responses']['200']['content']['application/json']['data'][number];

export function useTierHistory(id: string) {
  return useQuery({ queryKey: ['customers', id, 'tier-history'], queryFn: async () => unwrap(await client.GET('/v1/customers/{id}/tier-history', { params: { path: { id }, query: { limit: 20 } } })) });
}

export function useCustomerReferral(id: string) {
  return useQuery({ queryKey: ['customers', id, 'referral'], queryFn: async () => unwrap(await client.GET('/v1/customers/{id}/referral', { params: { path: { id } } })) });
}
