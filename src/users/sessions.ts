import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../platform/db/database.ts';
import { hashKey } from '../programs/api-keys.ts';
import type { AdminUser } from './user-store.ts';

/** How long a session lasts: ended after `idleMinutes` without a request, and after `maxHours` in any case. */
export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMinutes: 8 * 60, maxHours: 7 * 24 };

/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface Session {
  tokenHash: string;
  user: AdminUser;
}

/** Starts a session and returns its token, for the cookie; only the token's hash is stored. */
export async function startSession(db: Db | Tx, userId: string, at: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insertInto('admin_sessions').values({ token_hash: hashKey(token), user_id: userId, created_at: at, last_seen_at: at }).execute();
  return token;
}

export async function findSession(db: Db, token: string, now: Date, limits: SessionLimits): Promise<Session | undefined> {
  const row = await db
    .selectFrom('admin_sessions as s')
    .innerJoin('admin_users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.token_hash', 's.created_at as started_at', 's.last_seen_at'])
    .where('s.token_hash', '=', hashKey(token))
    .where('s.ended_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const idleUntil = row.last_seen_at.getTime() + limits.idleMinutes * 60_000;
  const absoluteUntil = row.started_at.getTime() + limits.maxHours * 3_600_000;
  if (now.getTime() > Math.min(idleUntil, absoluteUntil)) return undefined;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('admin_sessions').set({ last_seen_at: now }).where('token_hash', '=', row.token_hash).execute();
  }
  const { token_hash, started_at: _started, last_seen_at: _seen, ...user } = row;
  return { tokenHash: token_hash, user };
}

export async function endSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.updateTable('admin_sessions').set({ ended_at: at }).where('token_hash', '=', tokenHash).execute();
}

/** After a password is reset, every session of that user ends. */
export async function endUserSessions(db: Db | Tx, userId: string, at: Date): Promise<void> {
  await db.updateTable('admin_sessions').set({ ended_at: at }).where('user_id', '=', userId).where('ended_at', 'is', null).execute();
}
