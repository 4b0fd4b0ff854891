-- Profile questions (docs/profile-questions.md): what the merchant asks shoppers about themselves,
-- and their answers, which are customer attributes for segments and email templates.
create table profile_questions (
  id           text primary key,
  program_id   text not null references programs (id),
  -- The stable name segments and templates use (`profile.skin_type`); kept by an archived question too.
  key          text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  type         text not null check (type in ('single_choice', 'multiple_choice', 'date', 'text')),
  -- The question per locale: {"en": "…", "ar": "…"}; English is always there.
  text         jsonb not null check (jsonb_typeof(text) = 'object' and text ? 'en'),
  -- Choice questions: [{"value": "dry", "label": {"en": "Dry", …}}, …]; none for the others.
  options      jsonb not null default '[]' check (jsonb_typeof(options) = 'array'),
  required     boolean not null default false,
  position     integer not null default 0,
  archived_at  timestamptz,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  unique (program_id, key)
);
create index profile_questions_program on profile_questions (program_id, position);

-- One answer per customer and question: an option value, an array of them, a date or a text.
create table profile_answers (
  program_id   text not null references programs (id),
  customer_id  text not null references customers (id),
  question_id  text not null references profile_questions (id),
  value        jsonb not null,
  answered_at  timestamptz not null,
  primary key (customer_id, question_id)
);
-- Segments ask "who answered this question so": one probe per question.
create index profile_answers_question on profile_answers (question_id);
