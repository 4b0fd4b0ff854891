/** Net Promoter Score: 9–10 promote, 7–8 are passive, 0–6 detract; NPS = % promoters − % detractors. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export const categoryOf = (score: number): NpsCategory => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

export interface NpsFigures {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100 to 100, one decimal; null without responses. */
  nps: number | null;
  /** 95% interval of the NPS (its variance as a difference of two proportions of one sample); null under two responses. */
  nps_low: number | null;
  nps_high: number | null;
}

export function npsOf(counts: { promoters: number; passives: number; detractors: number }): NpsFigures {
  const responses = counts.promoters + counts.passives + counts.detractors;
  if (responses === 0) return { responses, ...counts, nps: null, nps_low: null, nps_high: null };
  const p = counts.promoters / responses;
  const d = counts.detractors / responses;
  const nps = (p - d) * 100;
  const round = (x: number) => Math.round(x * 10) / 10;
  if (responses < 2) return { responses, ...counts, nps: round(nps), nps_low: null, nps_high: null };
  const se = Math.sqrt((p + d - (p - d) ** 2) / responses) * 100;
  return { responses, ...counts, nps: round(nps), nps_low: round(Math.max(-100, nps - 1.96 * se)), nps_high: round(Math.min(100, nps + 1.96 * se)) };
}
