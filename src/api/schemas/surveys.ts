import { Type } from 'typebox';
import { Id, Nullable, Timestamp } from './common.ts';

export const Category = Type.Union([Type.Literal('promoter'), Type.Literal('passive'), Type.Literal('detractor')], { description: '9–10 promoter, 7–8 passive, 0–6 detractor.' });

export const SurveyResponse = Type.Object({
  object: Type.Literal('survey_response'),
  id: Type.String({ description: '`srv_…`' }),
  customer_id: Type.String(),
  email: Nullable(Type.String()),
  score: Type.Integer({ minimum: 0, maximum: 10 }),
  category: Category,
  comment: Nullable(Type.String()),
  source: Type.Union([Type.Literal('email'), Type.Literal('widget')]),
  campaign_id: Nullable(Type.String({ description: 'The survey campaign that asked; null for the survey flow and the widget.' })),
  locale: Nullable(Type.String()),
  answered_at: Timestamp,
  updated_at: Timestamp,
});

const Day = (description: string) => Type.String({ format: 'date', description });
export const ResponsesQuery = Type.Object({
  from: Type.Optional(Day('Answered on or after this day (UTC).')),
  to: Type.Optional(Day('Answered before this day (UTC, exclusive).')),
});

const figures = {
  responses: Type.Integer(),
  promoters: Type.Integer(),
  passives: Type.Integer(),
  detractors: Type.Integer(),
  nps: Nullable(Type.Number({ description: '% promoters − % detractors, −100 to 100; null without answers.' })),
  nps_low: Nullable(Type.Number({ description: 'The 95% confidence interval of the NPS.' })),
  nps_high: Nullable(Type.Number()),
};

const npsSection = {
  ...figures,
  by_month: Type.Array(Type.Object({ month: Type.String({ description: '`YYYY-MM`, of answering.' }), ...figures })),
  by_segment: Type.Array(Type.Object({ segment: Type.String({ description: 'An RFM segment (`champions`, …) or a saved segment (`seg_…`), of the customers who answered, today.' }), name: Type.String(), ...figures })),
};

/** The NPS of a range: overall, by month, by segment (the retention report carries it too). */
export const NpsSection = Type.Object(npsSection, { description: 'Net Promoter Score of the survey answers in the range (docs/surveys.md).' });

export const NpsReport = Type.Object({
  object: Type.Literal('nps_report'),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  segment_id: Nullable(Type.String()),
  ...npsSection,
});

export const NpsQuery = Type.Object({ from: Day('From this day (UTC).'), to: Day('To this day (UTC, exclusive).'), segment_id: Type.Optional(Id('seg', 'Only the answers of this segment’s customers.')) });

export const ShopperSurvey = Type.Object({
  object: Type.Literal('shopper_survey'),
  ask: Type.Boolean({ description: 'Whether the widget asks now: no answer yet this quarter.' }),
  answer: Nullable(Type.Object({ score: Type.Integer(), comment: Nullable(Type.String()), answered_at: Timestamp })),
  points: Type.Integer({ description: 'What an answer earns (the active survey_answered rules); 0 when none.' }),
});

export const ShopperSurveyAnswer = Type.Object(
  { score: Type.Integer({ minimum: 0, maximum: 10 }), comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
  { additionalProperties: false },
);

export const ShopperSurveySaved = Type.Object({ ...ShopperSurvey.properties, points_awarded: Type.Integer({ description: 'Points the answer earned now (only a first answer this quarter earns).' }) });
