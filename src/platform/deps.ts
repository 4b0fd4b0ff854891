import type { Clock } from './clock.ts';
import type { Db } from './db/database.ts';

/** What request handlers and workflows are given; nothing reaches for globals. */
export interface Deps {
  db: Db;
  /** Where reports, CLV, cohorts and exports read: a standby when DATABASE_READ_URL is set, else db. Never written. */
  readDb: Db;
  clock: Clock;
}
