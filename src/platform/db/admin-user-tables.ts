import type { Timestamp } from './column-types.ts';

/** Tables of migrations/0019_admin_users.sql: the dashboard's users, their roles, sessions and links. */
export interface AdminUsersTable {
  id: string;
  email: string;
  name: string | null;
  password_hash: string | null;
  created_at: Timestamp;
}

export type Role = 'owner' | 'admin' | 'marketer' | 'support' | 'viewer';

export interface ProgramUsersTable {
  program_id: string;
  user_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface AdminSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface SetupLinksTable {
  token_hash: string;
  purpose: 'setup' | 'invite' | 'reset';
  user_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}
