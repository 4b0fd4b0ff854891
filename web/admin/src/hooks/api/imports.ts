// Bringing balances over from another loyalty app: POST /v1/imports/balances, first as a dry run.
import { useMutation, useQueryClient } from '@tanstack/react-query';
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
