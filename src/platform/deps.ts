import type { Clock } from './clock.ts';
import type { Db } from './db/database.ts';
import type { SecretBox } from './secrets.ts';

/** What request handlers and workflows are given; nothing reaches for globals. */
export interface Deps {
  db: Db;
  /** Where reports, CLV, cohorts and exports read: a standby when DATABASE_READ_URL is set, else db. Never written. */
  readDb: Db;
  clock: Clock;
  /** Seals and opens the secrets Regulars must use again (store webhook secrets, access tokens). */
  secrets: SecretBox;
  /** The primary's URL, for work that needs a connection of its own (COPY in a history import). */
  databaseUrl?: string;
}
