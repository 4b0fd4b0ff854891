-- Surveys (docs/surveys.md): the answers to "how likely are you to recommend us?", 0 to 10, with a
-- comment, from a survey email's hosted page or the widget. One answer per asking: answering the
-- same email again changes the answer (and rewards nothing more).
create table survey_responses (
  id            text not null,
  program_id    text not null references programs (id),
  customer_id   text not null references customers (id),
  -- What asked: an email (its message id), or the widget (`widget:<year>-Q<quarter>`).
  asked_by      text not null,
  source        text not null check (source in ('email', 'widget')),
  campaign_id   text references email_campaigns (id),
  score         smallint not null check (score between 0 and 10),
  comment       text check (length(comment) <= 2000),
  locale        text,
  answered_at   timestamptz not null,
  updated_at    timestamptz not null,
  primary key (id, customer_id),
  unique (customer_id, asked_by)
);
create index survey_responses_program on survey_responses (program_id, answered_at);
