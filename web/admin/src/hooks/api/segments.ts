// Segments: saved audiences (conditions on tier, RFM segment, stage, tags, orders, spend, what was
// bought, points, language, holdout), each counted when read; a draft's count before it is saved,
// and a segment's customers, as a list and as CSV.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type Segment = paths['/v1/segments']['get']['responses']['200']['content']['application/json']['data'][number];
export type NewSegment = NonNullable<paths['/v1/segments']['post']['requestBody']>['content']['application/json'];
export type SegmentDefinition = Pick<NewSegment, 'match' | 'conditions'>;
export type SegmentCondition = NewSegment['conditions'][number];
export type ConditionType = SegmentCondition['type'];
/** The condition of one type, such as `ConditionOf<'orders'>`. */
export type ConditionOf<T extends ConditionType> = Extract<SegmentCondition, { type: T }>;
export type SegmentCustomer = paths['/v1/segments/{id}/customers']['get']['responses']['200']['content']['application/json']['data'][number];

const segmentsKey = ['segments'] as const;
const PAGE = 25;

/** The CSV of the segment's customers now. */
export const segmentExportUrl = (id: string) => `/v1/segments/${id}/customers/export`;

export function useSegments() {
  return useQuery({ queryKey: segmentsKey, queryFn: async () => unwrap(await client.GET('/v1/segments')) });
}

/** Creates a segment, or changes the one named by `id`. */
export function useSaveSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, segment }: { id: string | undefined; segment: NewSegment }) =>
      id ? unwrap(await client.PATCH('/v1/segments/{id}', { params: { path: { id } }, body: segment })) : unwrap(await client.POST('/v1/segments', { body: segment })),
    // Its count and its customers both follow the new conditions.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentsKey }),
  });
}

/** Refused (segment_in_use) while a reward or a scheduled gift is for the segment. */
export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.DELETE('/v1/segments/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentsKey }),
  });
}

/**
 * How many customers a draft's conditions hold for now, asked again as they change. The draft
 * comes as its JSON so that an unchanged draft is the same query, however often it is rebuilt.
 */
export function useSegmentPreview(definition: string, enabled: boolean) {
  return useQuery({
    queryKey: [...segmentsKey, 'preview', definition],
    queryFn: async () => unwrap(await client.POST('/v1/segments/preview', { body: JSON.parse(definition) as SegmentDefinition })),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSegmentCustomers(id: string, startingAfter: string | undefined) {
  return useQuery({
    queryKey: [...segmentsKey, id, 'customers', startingAfter],
    queryFn: async () => unwrap(await client.GET('/v1/segments/{id}/customers', { params: { path: { id }, query: { limit: PAGE, starting_after: startingAfter } } })),
    placeholderData: keepPreviousData,
  });
}
