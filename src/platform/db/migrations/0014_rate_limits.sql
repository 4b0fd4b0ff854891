-- Requests per minute a program's keys may make, per instance (see docs/operations.md). Null: the
-- instance default (REGULARS_RATE_LIMIT_PER_MINUTE, REGULARS_PUBLISHABLE_RATE_LIMIT_PER_MINUTE).
alter table programs
  add column rate_limit_per_minute integer check (rate_limit_per_minute > 0),
  add column publishable_rate_limit_per_minute integer check (publishable_rate_limit_per_minute > 0);
