import type { ColumnType } from 'kysely';
import type { Timestamp } from './column-types.ts';

type Json<T> = ColumnType<T, string, string>;

export type ProfileQuestionType = 'single_choice' | 'multiple_choice' | 'date' | 'text';

/** A text in each locale the merchant wrote it in; `en` is always there. */
export type LocalizedText = { en: string } & Partial<Record<'ar' | 'fa' | 'zh-Hans' | 'zh-Hant', string>>;

export interface ProfileOption {
  value: string;
  label: LocalizedText;
}

/** An option value (single choice), several (multiple choice), a YYYY-MM-DD date or a text. */
export type ProfileAnswerValue = string | string[];

/** Tables of migrations/0031_profile_questions.sql. */
export interface ProfileQuestionsTable {
  id: string;
  program_id: string;
  key: string;
  type: ProfileQuestionType;
  text: Json<LocalizedText>;
  options: ColumnType<ProfileOption[], string | undefined, string>;
  required: ColumnType<boolean, boolean | undefined, boolean>;
  position: ColumnType<number, number | undefined, number>;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProfileAnswersTable {
  program_id: string;
  customer_id: string;
  question_id: string;
  value: Json<ProfileAnswerValue>;
  answered_at: Timestamp;
}
