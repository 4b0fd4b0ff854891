// Bringing balances over from another loyalty app: POST /v1/imports/balances, first as a dry run.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type BalanceImportBody = paths['/v1/imports/balances']['post']['requestBody']['content']['application/json'];
export type BalanceImport = paths['/v1/imports/balances']['post']['responses']['200']['content']['application/json'];

export function useImportBalances() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BalanceImportBody) => unwrap(await client.POST('/v1/imports/balances', { body })) as BalanceImport,
    onSuccess: (result) => {
      if (!result.dry_run) void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export type OrderImport = paths['/v1/imports/orders/{id}']['get']['responses']['200']['content']['application/json'];
export type CustomerImport = paths['/v1/imports/customers']['post']['responses']['201']['content']['application/json'];

const importFinished = (job: OrderImport | undefined) => job?.status === 'done' || job?.status === 'failed';

/** Uploads order history; the answer is the queued import, followed with useOrderImport. */
export function useImportOrders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { csv: string; award_points: boolean }) => unwrap(await client.POST('/v1/imports/orders', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['order-imports'] }),
  });
}

/** An import's progress, asked for each second until its job ends. */
export function useOrderImport(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['order-imports', id],
    queryFn: async () => {
      const job = unwrap(await client.GET('/v1/imports/orders/{id}', { params: { path: { id: id! } } }));
      if (importFinished(job)) {
        void queryClient.invalidateQueries({ queryKey: ['customers'] });
        void queryClient.invalidateQueries({ queryKey: ['order-imports', 'list'], exact: true });
      }
      return job;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (importFinished(query.state.data) ? false : 1000),
  });
}

export function useOrderImports() {
  return useQuery({ queryKey: ['order-imports', 'list'], queryFn: async () => unwrap(await client.GET('/v1/imports/orders', { params: { query: { limit: 5 } } })) });
}

export function useImportCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (csv: string) => unwrap(await client.POST('/v1/imports/customers', { body: { csv } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
}
