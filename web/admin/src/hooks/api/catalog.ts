// The program's other ways to engage: stamp cards, challenges, paid memberships, charity causes,
// and the partner stores of a coalition with their settlement.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

type Data<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': { data: (infer T)[] } } } } } } ? T : never;
export type StampCard = Data<'/v1/stamp-cards'>;
export type Challenge = Data<'/v1/challenges'>;
export type MembershipPlan = Data<'/v1/membership-plans'>;

export const useStampCards = () => useQuery({ queryKey: ['stamp-cards'], queryFn: async () => unwrap(await client.GET('/v1/stamp-cards')) });
export const useChallenges = () => useQuery({ queryKey: ['challenges'], queryFn: async () => unwrap(await client.GET('/v1/challenges')) });
export const useMembershipPlans = () => useQuery({ queryKey: ['membership-plans'], queryFn: async () => unwrap(await client.GET('/v1/membership-plans')) });

type Created<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
export type NewStampCard = Created<'/v1/stamp-cards'>;
export type NewChallenge = Created<'/v1/challenges'>;
export type NewMembershipPlan = Created<'/v1/membership-plans'>;

/** Creates, then refreshes the list it belongs to. */
function useCreate<B, R>(listKey: string, post: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: post, onSuccess: () => queryClient.invalidateQueries({ queryKey: [listKey] }) });
}
export const useCreateStampCard = () => useCreate('stamp-cards', async (body: NewStampCard) => unwrap(await client.POST('/v1/stamp-cards', { body })));
export const useCreateChallenge = () => useCreate('challenges', async (body: NewChallenge) => unwrap(await client.POST('/v1/challenges', { body })));
export const useCreateMembershipPlan = () => useCreate('membership-plans', async (body: NewMembershipPlan) => unwrap(await client.POST('/v1/membership-plans', { body })));

export type Cause = Data<'/v1/charity/causes'>;
export type NewCause = Created<'/v1/charity/causes'>;
export const useCreateCause = () => useCreate('charity-causes', async (body: NewCause) => unwrap(await client.POST('/v1/charity/causes', { body })));
export const useCauses = () => useQuery({ queryKey: ['charity-causes'], queryFn: async () => unwrap(await client.GET('/v1/charity/causes', { params: { query: { limit: 100 } } })) });

export type Settlement = paths['/v1/coalition/settlement']['get']['responses']['200']['content']['application/json'];
/** Partner stores of a coalition: what each issued and redeemed, and who owes whom, over a period. */
export const useSettlement = (range: { from: string; to: string }) =>
  useQuery({ queryKey: ['coalition-settlement', range], queryFn: async () => unwrap(await client.GET('/v1/coalition/settlement', { params: { query: range } })) });
