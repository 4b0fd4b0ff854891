import { segmentCondition } from '../analytics/customer-segment.ts';
import { RFM_SEGMENTS } from '../analytics/segments.ts';
import type { Db } from '../platform/db/database.ts';
import { segmentSql } from '../segments/segment-conditions.ts';
import { definitionOf, getSegment, listSegments } from '../segments/segment-store.ts';
import { npsReport, type NpsGroup, type NpsReport } from '../surveys/survey-store.ts';

/** The groups of the NPS by segment: every RFM segment, and the program's saved segments (50 at most). */
async function groupsOf(db: Db, programId: string, now: Date): Promise<NpsGroup[]> {
  const rfm = await Promise.all(RFM_SEGMENTS.map(async (s) => ({ key: s, name: s, condition: await segmentCondition(db, programId, s) })));
  const saved = await Promise.all((await listSegments(db, programId)).slice(0, 50).map(async (s) => ({ key: s.id, name: s.name, condition: await segmentSql(db, programId, definitionOf(s), now) })));
  return [...rfm, ...saved];
}

/** The program's NPS over a range (docs/surveys.md), of everyone who answered or of one segment's customers, by month and by segment. */
export async function programNps(db: Db, programId: string, range: { from: Date; to: Date }, segmentId: string | undefined, now: Date): Promise<NpsReport> {
  const audience = segmentId ? await segmentSql(db, programId, definitionOf(await getSegment(db, programId, segmentId)), now) : undefined;
  return npsReport(db, programId, range, audience, await groupsOf(db, programId, now));
}
