import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { SetupLinksTable } from '../platform/db/admin-user-tables.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { hashKey } from '../programs/api-keys.ts';

export type SetupLink = Selectable<SetupLinksTable>;
export type SetupPurpose = SetupLink['purpose'];

/** A link sets a password once, within a day: the first owner's (`setup`), an invited user's, a reset. */
const VALID_HOURS = 24;

export async function createSetupLink(db: Db | Tx, purpose: SetupPurpose, userId: string | null, at: Date): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db
    .insertInto('setup_links')
    .values({ token_hash: hashKey(token), purpose, user_id: userId, created_at: at, expires_at: new Date(at.getTime() + VALID_HOURS * 3_600_000) })
    .execute();
  return token;
}

export const setupLinkPath = (token: string) => `/admin/setup?token=${token}`;

export const findSetupLink = (db: Db | Tx, token: string, now: Date): Promise<SetupLink | undefined> =>
  db.selectFrom('setup_links').selectAll().where('token_hash', '=', hashKey(token)).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();

/** Marks the link used; false when another request used it first. */
export async function useSetupLink(tx: Tx, token: string, at: Date): Promise<boolean> {
  const used = await tx.updateTable('setup_links').set({ used_at: at }).where('token_hash', '=', hashKey(token)).where('used_at', 'is', null).where('expires_at', '>', at).executeTakeFirst();
  return used.numUpdatedRows === 1n;
}
