// Group gifts (Segments): points or a reward to everyone in a segment (or to listed customers),
// now or at a time, given by a sweep that runs every minute; each gift's progress as it goes.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type Gift = paths['/v1/gifts']['get']['responses']['200']['content']['application/json']['data'][number];
export type NewGift = NonNullable<paths['/v1/gifts']['post']['requestBody']>['content']['application/json'];
export type GiftStatus = Gift['status'];

const giftsKey = ['gifts'] as const;
const PAGE = 20;

/** Given by the sweep at any moment now: running, or scheduled for a time already past. */
const underWay = (g: Gift) => g.status === 'running' || (g.status === 'scheduled' && Date.parse(g.scheduled_at) <= Date.now());

/** The program's gifts, newest first; asked again every few seconds while one is due or running, now and then while one waits for its time. */
export function useGifts(startingAfter: string | undefined) {
  return useQuery({
    queryKey: [...giftsKey, startingAfter],
    queryFn: async () => unwrap(await client.GET('/v1/gifts', { params: { query: { limit: PAGE, starting_after: startingAfter } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => {
      const gifts = query.state.data?.data ?? [];
      if (gifts.some(underWay)) return 3_000;
      return gifts.some((g) => g.status === 'scheduled') ? 30_000 : false;
    },
  });
}

/** One gift, such as a campaign's: asked again every few seconds while it is being given. */
export function useGift(id: string | null) {
  return useQuery({
    queryKey: [...giftsKey, 'one', id],
    queryFn: async () => unwrap(await client.GET('/v1/gifts/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && underWay(query.state.data) ? 3_000 : false),
  });
}

/** `onGiven` runs once the gift is in the list, scheduled. */
export function useCreateGift(onGiven?: (gift: Gift) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewGift) => unwrap(await client.POST('/v1/gifts', { body })),
    onSuccess: async (gift) => {
      await queryClient.invalidateQueries({ queryKey: giftsKey });
      onGiven?.(gift);
    },
  });
}

/** Refused (gift_not_cancellable) once the sweep has started it. */
export function useCancelGift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/v1/gifts/{id}/cancel', { params: { path: { id } } })),
    // Refused or not, the list shows where the gift stands now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: giftsKey }),
  });
}
