import { Type } from 'typebox';
import { Body } from '../../platform/http/body.ts';
import { Nullable, Timestamp } from './common.ts';

const Words = (maxLength: number) => Type.String({ minLength: 1, maxLength });
/** A text per locale the shopper may read; English is required (it is what other languages fall back to). */
const Localized = (maxLength: number, description: string) =>
  Body({ en: Words(maxLength), ar: Type.Optional(Words(maxLength)), fa: Type.Optional(Words(maxLength)), 'zh-Hans': Type.Optional(Words(maxLength)), 'zh-Hant': Type.Optional(Words(maxLength)) }, { description });

const QuestionType = Type.Union([Type.Literal('single_choice'), Type.Literal('multiple_choice'), Type.Literal('date'), Type.Literal('text')], {
  description: '`single_choice` (radio buttons), `multiple_choice` (checkboxes), `date` (YYYY-MM-DD, not in the future), `text` (at most 500 characters).',
});
const Option = Body({
  value: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', description: 'What the answer stores and segments and templates compare: `dry`, `espresso_machine`.' }),
  label: Localized(100, 'What the shopper reads, per locale.'),
});
const Options = Type.Array(Option, { maxItems: 50, description: 'Choice questions: two or more, each value once. Other types take none.' });
const Position = Type.Integer({ minimum: 0, maximum: 10_000, description: 'Order in which shoppers see the questions, lowest first (default: after the others).' });

export const ProfileQuestionCreate = Body({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'A stable name, unique in the program: segments use it and templates read `profile.<key>`. Cannot change later.' }),
  type: QuestionType,
  text: Localized(300, 'The question, per locale.'),
  options: Type.Optional(Options),
  required: Type.Optional(Type.Boolean({ description: 'Counts towards a complete profile (the `profile_completed` action). Default false.' })),
  position: Type.Optional(Position),
});

export const ProfileQuestionUpdate = Body({
  text: Type.Optional(ProfileQuestionCreate.properties.text),
  options: Type.Optional(Options),
  required: Type.Optional(Type.Boolean()),
  position: Type.Optional(Position),
});

const AnswerValue = Type.Union([Type.String(), Type.Array(Type.String())], { description: 'An option value, a list of them (multiple choice), a date or a text.' });
const Text = Type.Record(Type.String(), Type.String(), { description: 'Per locale; `en` always.' });

export const ProfileQuestion = Type.Object({
  object: Type.Literal('profile_question'),
  id: Type.String({ description: '`pq_…`' }),
  key: Type.String(),
  type: QuestionType,
  text: Text,
  options: Type.Array(Type.Object({ value: Type.String(), label: Text })),
  required: Type.Boolean(),
  position: Type.Integer(),
  answers: Type.Integer({ description: 'How many customers answered it.' }),
  archived_at: Nullable(Timestamp, { description: 'Archived questions are not asked any more; their answers stay.' }),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const ProfileQuestionRemoved = Type.Object({
  object: Type.Literal('profile_question'),
  id: Type.String(),
  deleted: Type.Boolean({ description: 'true: it had no answers and no segment named it, and is gone; false: it is archived instead.' }),
  archived_at: Nullable(Timestamp),
});

/** `{ key_or_id: value }`; null takes an answer away. */
export const AnswersInput = Body({
  answers: Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }), Type.Null()]), {
    minProperties: 1,
    maxProperties: 100,
    description: 'Answers by question key (or id): an option value, a list of them, a date, a text; null removes the answer. Questions not named keep theirs.',
  }),
});

const Profile = Type.Record(Type.String(), AnswerValue, { description: 'The answers by question key: the customer’s profile attributes.' });

export const CustomerAnswers = Type.Object({
  object: Type.Literal('profile_answers'),
  customer_id: Type.String(),
  answers: Type.Array(Type.Object({ question_id: Type.String(), key: Type.String(), value: AnswerValue, answered_at: Timestamp })),
  profile: Profile,
  complete: Type.Boolean({ description: 'Every required active question (or every one, where none is required) has an answer.' }),
  completed_at: Nullable(Timestamp, { description: 'When the profile was first complete (the profile_completed action); it happens once.' }),
});

export const CustomerAnswersSaved = Type.Object({
  ...CustomerAnswers.properties,
  points_awarded: Type.Integer({ description: 'Points the profile_completed rules gave with this save (only on the first completion).' }),
});

export const ShopperProfile = Type.Object({
  object: Type.Literal('shopper_profile'),
  locale: Type.String({ description: 'The language of the texts.' }),
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      key: Type.String(),
      type: QuestionType,
      text: Type.String(),
      options: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
      required: Type.Boolean(),
      answer: Nullable(AnswerValue),
    }),
  ),
  complete: Type.Boolean(),
  completed_at: Nullable(Timestamp),
  completion_points: Type.Integer({ description: 'What completing the profile gives now (the program’s profile_completed rules); 0 once completed.' }),
});

export const ShopperProfileSaved = Type.Object({ ...ShopperProfile.properties, points_awarded: Type.Integer() });

export { Profile };
