// Outbound webhooks (Developers): the program's endpoints, the secret that signs what is sent to
// each (in the answer once, on creation and on rotation), and each endpoint's deliveries with
// their attempts, retried one by one or replayed after an outage.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type WebhookEndpoint = paths['/v1/webhook-endpoints']['get']['responses']['200']['content']['application/json']['data'][number];
export type NewWebhookEndpoint = NonNullable<paths['/v1/webhook-endpoints']['post']['requestBody']>['content']['application/json'];
export type WebhookEndpointChange = NonNullable<paths['/v1/webhook-endpoints/{id}']['patch']['requestBody']>['content']['application/json'];
/** An endpoint with its signing secret, as creating it or rotating its secret answers. */
export type EndpointWithSecret = paths['/v1/webhook-endpoints']['post']['responses']['201']['content']['application/json'];
export type WebhookDelivery = paths['/v1/webhook-endpoints/{id}/deliveries']['get']['responses']['200']['content']['application/json']['data'][number];
export type DeliveryStatus = WebhookDelivery['status'];
export type DeliveryAttempt = WebhookDelivery['attempts'][number];

const endpointsKey = ['webhook-endpoints'] as const;
const deliveriesKey = (endpointId: string) => ['webhook-deliveries', endpointId] as const;

export function useWebhookEndpoints() {
  return useQuery({ queryKey: endpointsKey, queryFn: async () => unwrap(await client.GET('/v1/webhook-endpoints')) });
}

/** `onCreated` gets the answer, the one time it holds the secret. */
export function useCreateWebhookEndpoint(onCreated: (created: EndpointWithSecret) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewWebhookEndpoint) => unwrap(await client.POST('/v1/webhook-endpoints', { body })),
    onSuccess: (created) => {
      onCreated(created);
      return queryClient.invalidateQueries({ queryKey: endpointsKey });
    },
  });
}

/** Disabling, enabling again, or changing the URL or the events. */
export function useUpdateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, change }: { id: string; change: WebhookEndpointChange }) => unwrap(await client.PATCH('/v1/webhook-endpoints/{id}', { params: { path: { id } }, body: change })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointsKey }),
  });
}

export function useDeleteWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointsKey }),
  });
}

/** A new secret, in the answer once; the previous one signs beside it for 24 hours. */
export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/v1/webhook-endpoints/{id}/rotate-secret', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointsKey }),
  });
}

/** Queues a webhook.test event for the endpoint; it shows in the deliveries at once, pending. */
export function useTestWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/v1/webhook-endpoints/{id}/test', { params: { path: { id } } })),
    onSuccess: (delivery) => queryClient.invalidateQueries({ queryKey: deliveriesKey(delivery.endpoint_id) }),
  });
}

/** An endpoint's deliveries, newest first; asked again every few seconds while one is still pending. */
export function useWebhookDeliveries(endpointId: string, filter: { status?: DeliveryStatus; starting_after?: string }) {
  return useQuery({
    queryKey: [...deliveriesKey(endpointId), filter],
    queryFn: async () => unwrap(await client.GET('/v1/webhook-endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: { limit: 20, ...filter } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.data.some((d) => d.status === 'pending') ? 2_000 : 15_000),
  });
}

/** Sends a delivery again now, with the same webhook-id. */
export function useRetryWebhookDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/v1/webhook-deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: (delivery) => queryClient.invalidateQueries({ queryKey: deliveriesKey(delivery.endpoint_id) }),
  });
}

/** Sends every delivery that failed since a time again; `onReplayed` gets how many. */
export function useReplayWebhookDeliveries(endpointId: string, onReplayed: (requeued: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { since: string }) => unwrap(await client.POST('/v1/webhook-endpoints/{id}/replay', { params: { path: { id: endpointId } }, body })),
    onSuccess: (replay) => {
      onReplayed(replay.requeued);
      return queryClient.invalidateQueries({ queryKey: deliveriesKey(endpointId) });
    },
  });
}
