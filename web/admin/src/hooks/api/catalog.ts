// The program's other ways to engage: stamp cards, challenges, paid memberships, charity causes,
// and the partner stores of a coalition with their settlement.
import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

type Data<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': { data: (infer T)[] } } } } } } ? T : never;
export type StampCard = Data<'/v1/stamp-cards'>;
export type Challenge = Data<'/v1/challenges'>;
export type MembershipPlan = Data<'/v1/membership-plans'>;

export const useStampCards = () => useQuery({ queryKey: ['stamp-cards'], queryFn: async () => unwrap(await client.GET('/v1/stamp-cards')) });
export const useChallenges = () => useQuery({ queryKey: ['challenges'], queryFn: async () => unwrap(await client.GET('/v1/challenges')) });
export const useMembershipPlans = () => useQuery({ queryKey: ['membership-plans'], queryFn: async () => unwrap(await client.GET('/v1/membership-plans')) });

export type Cause = Data<'/v1/charity/causes'>;
export const useCauses = () => useQuery({ queryKey: ['charity-causes'], queryFn: async () => unwrap(await client.GET('/v1/charity/causes', { params: { query: { limit: 100 } } })) });

export type Settlement = paths['/v1/coalition/settlement']['get']['responses']['200']['content']['application/json'];
/** Partner stores of a coalition: what each issued and redeemed, and who owes whom, over a period. */
export const useSettlement = (range: { from: string; to: string }) =>
  useQuery({ queryKey: ['coalition-settlement', range], queryFn: async () => unwrap(await client.GET('/v1/coalition/settlement', { params: { query: range } })) });
