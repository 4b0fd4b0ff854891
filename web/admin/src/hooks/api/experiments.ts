// Offer experiments (Segments → Experiments): an audience split between variants of an offer (a
// reward or an earning rule each), and each variant's goal metric with its interval and its lift
// against the first. Stopping one gives its offers back to everyone.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type Experiment = paths['/v1/experiments/{id}']['get']['responses']['200']['content']['application/json'];
export type ExperimentVariant = Experiment['variants'][number];
export type NewExperiment = NonNullable<paths['/v1/experiments']['post']['requestBody']>['content']['application/json'];
export type ExperimentMetric = Experiment['metric'];
export type ExperimentStatus = Experiment['status'];

const experimentsKey = ['experiments'] as const;
const PAGE = 20;
/** The figures of a running experiment move as its members order and redeem: asked again now and then. */
const REFRESH_MS = 30_000;

/** The program's experiments, newest first, each with its figures so far. */
export function useExperiments(startingAfter: string | undefined) {
  return useQuery({
    queryKey: [...experimentsKey, 'list', startingAfter],
    queryFn: async () => unwrap(await client.GET('/v1/experiments', { params: { query: { limit: PAGE, starting_after: startingAfter } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.data.some((e) => e.status === 'running') ? REFRESH_MS : false),
  });
}

export function useExperiment(id: string) {
  return useQuery({
    queryKey: [...experimentsKey, id],
    queryFn: async () => unwrap(await client.GET('/v1/experiments/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? REFRESH_MS : false),
  });
}

/** Refused (offer_in_experiment) when one of its offers is already tested in a running experiment. */
export function useStartExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewExperiment) => unwrap(await client.POST('/v1/experiments', { body })),
    onSuccess: async (started) => {
      queryClient.setQueryData([...experimentsKey, started.id], started);
      await queryClient.invalidateQueries({ queryKey: [...experimentsKey, 'list'] });
    },
  });
}

/** Refused (experiment_stopped) when it was stopped already; either way the page shows where it stands. */
export function useStopExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/v1/experiments/{id}/stop', { params: { path: { id } } })),
    onSuccess: (stopped) => queryClient.setQueryData([...experimentsKey, stopped.id], stopped),
    onSettled: () => queryClient.invalidateQueries({ queryKey: experimentsKey }),
  });
}
