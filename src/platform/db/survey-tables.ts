import type { Timestamp } from './column-types.ts';

/** migrations/0032_surveys.sql: one answer to the 0–10 question per asking. */
export interface SurveyResponsesTable {
  id: string;
  program_id: string;
  customer_id: string;
  asked_by: string;
  source: 'email' | 'widget';
  campaign_id: string | null;
  score: number;
  comment: string | null;
  locale: string | null;
  answered_at: Timestamp;
  updated_at: Timestamp;
}
