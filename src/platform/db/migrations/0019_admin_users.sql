-- The people who run programs from the dashboard: their accounts (argon2id password hashes; none
-- until an invited user sets one), the programs each may use with a role there, their sessions
-- (only a hash of the cookie is kept), and the one-time links that set a password.
create table admin_users (
  id            text primary key,
  email         text not null,
  name          text,
  password_hash text,
  created_at    timestamptz not null
);
create unique index admin_users_email on admin_users (lower(email));

create table program_users (
  program_id text not null references programs (id),
  user_id    text not null references admin_users (id),
  role       text not null check (role in ('owner', 'admin', 'marketer', 'support', 'viewer')),
  created_at timestamptz not null,
  primary key (program_id, user_id)
);
create index program_users_user on program_users (user_id);

create table admin_sessions (
  token_hash   text primary key,
  user_id      text not null references admin_users (id),
  created_at   timestamptz not null,
  last_seen_at timestamptz not null,
  ended_at     timestamptz
);
create index admin_sessions_user on admin_sessions (user_id);

create table setup_links (
  token_hash text primary key,
  purpose    text not null check (purpose in ('setup', 'invite', 'reset')),
  user_id    text references admin_users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at    timestamptz
);

-- How many points a support user may add or remove in one adjustment (the owner sets it).
alter table programs add column support_adjustment_limit bigint not null default 1000 check (support_adjustment_limit >= 0);

-- The audit log says who (with a readable name), what changed (before and after) and why; it is
-- only ever appended to.
alter table audit_log
  add column actor_name text,
  add column before     jsonb,
  add column after      jsonb,
  add column reason     text;
create index audit_log_subject on audit_log (program_id, subject_id) where subject_id is not null;
create index audit_log_actor on audit_log (program_id, actor);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();
