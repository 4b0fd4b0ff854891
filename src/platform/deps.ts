import type { Clock } from './clock.ts';
import type { Db } from './db/database.ts';

/** What request handlers and workflows are given; nothing reaches for globals. */
export interface Deps {
  db: Db;
  clock: Clock;
}
