// What the segment dialog edits: the name, all or any, and the conditions as rows (each with a key
// of its own, so taking one out does not hand its fields to the next). The API's error about a
// condition names it `conditions[N]` (a check of the engine) or `conditions.N…` (the schema's).
import { ApiError } from '../../api/client.ts';
import type { NewSegment, Segment, SegmentCondition } from '../../hooks/api/segments.ts';
import { isolate } from '../../lib/format.ts';
import { isComplete } from './condition-types.ts';

export interface ConditionRow {
  key: number;
  condition: SegmentCondition;
}

export interface SegmentDraft {
  /** The segment being changed; none for a new one. */
  id: string | undefined;
  name: string;
  match: NewSegment['match'];
  rows: ConditionRow[];
}

let lastKey = 0;
export const newRow = (condition: SegmentCondition): ConditionRow => ({ key: ++lastKey, condition });

export const EMPTY_DRAFT: SegmentDraft = { id: undefined, name: '', match: 'all', rows: [] };

export const draftOf = (segment: Segment): SegmentDraft => ({ id: segment.id, name: segment.name, match: segment.match, rows: segment.conditions.map(newRow) });

export const toSegment = (draft: SegmentDraft): { id: string | undefined; segment: NewSegment } => ({
  id: draft.id,
  segment: { name: draft.name.trim(), match: draft.match, conditions: draft.rows.map((r) => r.condition) },
});

/** The fields an error may name that the dialog shows beside themselves (one about the whole list shows above the form). */
export const FIELDS = ['name', 'match'] as const;

/** Where an API error points in the conditions: the place, and whether the schema (not the engine) said it. */
function conditionOfErrorParam(error: unknown): { index: number; bySchema: boolean } | undefined {
  if (!(error instanceof ApiError) || !error.param) return undefined;
  const match = /^conditions(?:\[(\d+)\]|\.(\d+))/.exec(error.param);
  return match ? { index: Number(match[1] ?? match[2]), bySchema: match[2] !== undefined } : undefined;
}

/** The condition an API error is about, by its place in the list. */
export const conditionOfError = (error: unknown): number | undefined => conditionOfErrorParam(error)?.index;

/**
 * The error to show beside the condition at `index` (as it was `sent`), when it is about that one.
 * The engine's own checks say what is missing; the schema's, about a list left empty, name a field
 * of another kind of condition, so an empty one is told `incomplete` (in the merchant's language).
 */
export function conditionError(error: unknown, index: number, condition: SegmentCondition | undefined, incomplete: string): string | undefined {
  const about = conditionOfErrorParam(error);
  if (about?.index !== index || !(error instanceof Error)) return undefined;
  return about.bySchema && condition && !isComplete(condition) ? incomplete : isolate(error.message);
}
