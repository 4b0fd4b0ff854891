import { sql, type Selectable } from 'kysely';
import type { AdminUsersTable, Role } from '../platform/db/admin-user-tables.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';

export type AdminUser = Selectable<AdminUsersTable>;
export interface ProgramUser extends AdminUser {
  role: Role;
  added_at: Date;
}

export async function createUser(db: Db | Tx, input: { email: string; name?: string | null; passwordHash?: string | null }, at: Date): Promise<AdminUser> {
  return db
    .insertInto('admin_users')
    .values({ id: newId('usr', at.getTime()), email: input.email.trim(), name: input.name ?? null, password_hash: input.passwordHash ?? null, created_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const findUserByEmail = (db: Db | Tx, email: string): Promise<AdminUser | undefined> =>
  db.selectFrom('admin_users').selectAll().where(sql<string>`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst();

export const getUser = (db: Db | Tx, id: string): Promise<AdminUser | undefined> => db.selectFrom('admin_users').selectAll().where('id', '=', id).executeTakeFirst();

export async function setPassword(db: Db | Tx, userId: string, passwordHash: string, name?: string): Promise<void> {
  await db
    .updateTable('admin_users')
    .set({ password_hash: passwordHash, ...(name ? { name } : {}) })
    .where('id', '=', userId)
    .execute();
}

export const countUsers = async (db: Db): Promise<number> => Number((await db.selectFrom('admin_users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

/** Gives a user a role in a program; an existing role there is replaced. */
export async function setRole(db: Db | Tx, programId: string, userId: string, role: Role, at: Date): Promise<void> {
  await db
    .insertInto('program_users')
    .values({ program_id: programId, user_id: userId, role, created_at: at })
    .onConflict((oc) => oc.columns(['program_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

export async function removeFromProgram(db: Db | Tx, programId: string, userId: string): Promise<void> {
  await db.deleteFrom('program_users').where('program_id', '=', programId).where('user_id', '=', userId).execute();
}

const programUsersQuery = (db: Db | Tx, programId: string) =>
  db
    .selectFrom('program_users as pu')
    .innerJoin('admin_users as u', 'u.id', 'pu.user_id')
    .selectAll('u')
    .select(['pu.role', 'pu.created_at as added_at'])
    .where('pu.program_id', '=', programId);

export const programUsers = (db: Db | Tx, programId: string, filter: { limit: number; starting_after?: string }): Promise<ProgramUser[]> => {
  let query = programUsersQuery(db, programId);
  if (filter.starting_after) query = query.where('u.id', '>', filter.starting_after);
  return query.orderBy('u.id').limit(filter.limit + 1).execute();
};

export const programUser = (db: Db | Tx, programId: string, userId: string): Promise<ProgramUser | undefined> => programUsersQuery(db, programId).where('u.id', '=', userId).executeTakeFirst();

export const countOwners = async (db: Db | Tx, programId: string): Promise<number> =>
  Number((await db.selectFrom('program_users').select((eb) => eb.fn.countAll<string>().as('n')).where('program_id', '=', programId).where('role', '=', 'owner').executeTakeFirstOrThrow()).n);

/** The programs a user may open, oldest first, with their role in each. */
export const userPrograms = (db: Db | Tx, userId: string): Promise<{ id: string; name: string; role: Role }[]> =>
  db.selectFrom('program_users as pu').innerJoin('programs as p', 'p.id', 'pu.program_id').select(['p.id', 'p.name', 'pu.role']).where('pu.user_id', '=', userId).orderBy('p.id').execute();
