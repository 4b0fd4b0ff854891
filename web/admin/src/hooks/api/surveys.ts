// Surveys: the answers to "how likely are you to recommend us", 0 to 10 (a page of them, and the
// CSV), and the NPS over a range, overall, by month and by segment (docs/surveys.md).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, queryString, unwrap } from '../../api/client.ts';

export type NpsReport = paths['/v1/analytics/nps']['get']['responses']['200']['content']['application/json'];
export type NpsFigures = Pick<NpsReport, 'responses' | 'promoters' | 'passives' | 'detractors' | 'nps' | 'nps_low' | 'nps_high'>;
export type SurveyResponse = paths['/v1/survey-responses']['get']['responses']['200']['content']['application/json']['data'][number];
/** UTC days, `to` exclusive, as the API takes them. */
export type DayRange = { from: string; to: string };

const PAGE = 20;

export function useNpsReport(range: DayRange, segmentId: string | null) {
  return useQuery({
    queryKey: ['surveys', 'nps', range, segmentId],
    queryFn: async () => unwrap(await client.GET('/v1/analytics/nps', { params: { query: { ...range, ...(segmentId ? { segment_id: segmentId } : {}) } } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSurveyResponses(range: DayRange, startingAfter: string | undefined) {
  return useQuery({
    queryKey: ['surveys', 'responses', range, startingAfter],
    queryFn: async () => unwrap(await client.GET('/v1/survey-responses', { params: { query: { ...range, limit: PAGE, starting_after: startingAfter } } })),
    placeholderData: keepPreviousData,
  });
}

/** Whether any customer has answered yet, whenever: what the page says when a range is empty. */
export function useAnyAnswer() {
  return useQuery({
    queryKey: ['surveys', 'responses', 'any'],
    queryFn: async () => unwrap(await client.GET('/v1/survey-responses', { params: { query: { limit: 1 } } })).data.length > 0,
  });
}

/** The CSV of the answers in the range, as a link the browser downloads with the session cookie. */
export const surveyExportUrl = (range: DayRange) => `/v1/survey-responses/export${queryString(range)}`;
