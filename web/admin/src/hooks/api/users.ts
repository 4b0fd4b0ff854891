// The people who may use this program, and their roles: /v1/users.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';
import type { Role } from '../../lib/roles.ts';

export type User = paths['/v1/users']['get']['responses']['200']['content']['application/json']['data'][number];

const key = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: key, queryFn: async () => unwrap(await client.GET('/v1/users', { params: { query: { limit: 100 } } })) });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; role: Role; name?: string }) => unwrap(await client.POST('/v1/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, role }: { id: string; role: Role }) => unwrap(await client.PATCH('/v1/users/{id}', { params: { path: { id } }, body: { role } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useRemoveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/v1/users/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
