-- The shopper's side: a program's publishable key (safe in a page), the widget secret the store's
-- backend signs customer tokens with (sealed; the previous one still verifies for a day after a
-- rotation), where its widget may run, what it looks like and says, and its hosted pages' address.
alter table programs
  add column slug                          text,
  add column publishable_key               text,
  add column widget_secret_sealed          text,
  add column previous_widget_secret_sealed text,
  add column previous_widget_secret_until  timestamptz,
  add column storefront_origins            text[] not null default '{}',
  add column signup_url                    text,
  add column login_url                     text,
  add column store_url                     text,
  add column default_locale                text not null default 'en',
  add column widget_theme                  jsonb not null default '{}',
  add column widget_texts                  jsonb not null default '{}';

-- Publishable keys are not secret: they name the program in a page. Existing programs get one.
update programs set
  publishable_key = 'pk_' || replace(gen_random_uuid()::text, '-', ''),
  slug = trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')) || '-' || right(id, 6);
alter table programs alter column publishable_key set not null, alter column slug set not null;
create unique index programs_publishable_key on programs (publishable_key);
create unique index programs_slug on programs (slug);

-- Where a shopper joins a paid plan (the store's product or checkout page), for the widget.
alter table membership_plans add column join_url text;

-- Visits of referral links (/r/{code}): when, and a salted hash of the visitor's address, never the address.
create table referral_visits (
  id          text primary key,
  program_id  text not null references programs (id),
  code        text not null,
  advocate_id text references customers (id),
  visited_at  timestamptz not null,
  ip_hash     text,
  referer     text
);
create index referral_visits_code on referral_visits (program_id, code, visited_at);

-- /r/{code} names no program: find the code across programs (the same code in two programs is told apart by ?program=).
create index customers_referral_code_any on customers (referral_code) where referral_code is not null;
