// What the New experiment dialog edits: the name, the audience, the variants as rows (each with a
// key of its own, its name, its offer and its share of the audience), the metric and the days. The
// API names a variant's error `variants[N]` (a check of the engine) or `variants.N…` (the
// schema's), and a share's `split` (the engine: they must add up to 100) or `split.N` (the schema).
import { ApiError } from '../../../api/client.ts';
import type { ExperimentMetric, NewExperiment } from '../../../hooks/api/experiments.ts';
import { unlessEmpty } from '../../../hooks/use-form-dialog.ts';
import { isolate } from '../../../lib/format.ts';

export interface VariantRow {
  key: number;
  name: string;
  /** A reward's id (`rwd_…`) or an earning rule's (`rule_…`); '' until one is chosen. */
  offer: string;
  /** Percent of the audience. */
  share: number | '';
}

export interface ExperimentDraft {
  name: string;
  /** '' for every customer. */
  segment_id: string;
  rows: VariantRow[];
  /** Whether the shares are still the even split (kept even as rows come and go), not typed. */
  even: boolean;
  metric: ExperimentMetric;
  days: number | '';
}

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 5;
export const METRICS: ExperimentMetric[] = ['redemption_rate', 'repeat_rate', 'revenue_per_customer'];

/** As even as whole percents allow, the first ones taking what is left over (as the engine splits): 34, 33, 33. */
export const evenSplit = (n: number) => Array.from({ length: n }, (_, i) => Math.floor(100 / n) + (i < 100 % n ? 1 : 0));

export function withEvenSplit(rows: VariantRow[]): VariantRow[] {
  const shares = evenSplit(rows.length);
  return rows.map((row, i) => ({ ...row, share: shares[i]! }));
}

let lastKey = MIN_VARIANTS;
export const newRow = (): VariantRow => ({ key: ++lastKey, name: '', offer: '', share: '' });

export const EMPTY_EXPERIMENT: ExperimentDraft = {
  name: '',
  segment_id: '',
  rows: withEvenSplit([1, 2].map((key) => ({ key, name: '', offer: '', share: '' }))),
  even: true,
  metric: 'redemption_rate',
  days: 30,
};

/** The shares typed so far, added up (an empty one counts nothing). */
export const shareSum = (rows: VariantRow[]) => rows.reduce((sum, r) => sum + (r.share === '' ? 0 : r.share), 0);

/** An even split goes as the engine's default; typed shares go as typed, an empty one as 0 (for the API to name it). */
export const toExperiment = (d: ExperimentDraft): NewExperiment => ({
  name: d.name.trim(),
  ...(d.segment_id ? { segment_id: d.segment_id } : {}),
  variants: d.rows.map((r) => ({ name: r.name.trim(), ...(r.offer.startsWith('rule_') ? { earning_rule_id: r.offer } : r.offer ? { reward_id: r.offer } : {}) })),
  ...(d.even ? {} : { split: d.rows.map((r) => (r.share === '' ? 0 : r.share)) }),
  metric: d.metric,
  // Left empty, the days go missing, for the API to say so beside the field.
  days: unlessEmpty(d.days) as number,
});

/** The fields that show the API's error beside themselves; the variants and the split are placed by `placeOf`. */
export const FIELDS = ['name', 'segment_id', 'metric', 'days'] as const;

type Place = { at: 'variant'; index: number } | { at: 'share'; index: number } | { at: 'split' } | { at: 'field'; field: string };

/** Where an API error shows in the dialog, or undefined for above the form. */
function placeOf(error: unknown): Place | undefined {
  if (!(error instanceof ApiError) || !error.param) return undefined;
  const variant = /^variants(?:\[(\d+)\]|\.(\d+))/.exec(error.param);
  if (variant) return { at: 'variant', index: Number(variant[1] ?? variant[2]) };
  const share = /^split\.(\d+)$/.exec(error.param);
  if (share) return { at: 'share', index: Number(share[1]) };
  if (error.param === 'split') return { at: 'split' };
  return (FIELDS as readonly string[]).includes(error.param) ? { at: 'field', field: error.param } : undefined;
}

const messageOf = (error: unknown) => (error instanceof Error ? isolate(error.message) : undefined);

/** The error about the variant at `index` (its offer, its name, or either missing). */
export const variantError = (error: unknown, index: number) => {
  const place = placeOf(error);
  return place?.at === 'variant' && place.index === index ? messageOf(error) : undefined;
};
/** The error about one share of the split (not a whole percent from 1 to 99). */
export const shareError = (error: unknown, index: number) => {
  const place = placeOf(error);
  return place?.at === 'share' && place.index === index ? messageOf(error) : undefined;
};
/** The error about the split as a whole: it does not add up to 100. */
export const splitError = (error: unknown) => (placeOf(error)?.at === 'split' ? messageOf(error) : undefined);
/** Whether the error shows above the form, beside no field of it. */
export const isAboveTheForm = (error: unknown) => error !== null && error !== undefined && placeOf(error) === undefined;
/** The variant an error is about, to forget it once that variant changes or one is taken out. */
export const variantOfError = (error: unknown) => {
  const place = placeOf(error);
  return place?.at === 'variant' ? place.index : undefined;
};
/** Whether the error is about the split, to forget it once a share changes. */
export const isAboutSplit = (error: unknown) => {
  const place = placeOf(error);
  return place?.at === 'split' || place?.at === 'share';
};
