import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { passwordMatches } from '../users/passwords.ts';
import { startSession } from '../users/sessions.ts';
import { findUserByEmail, type AdminUser } from '../users/user-store.ts';

/** Email and password in, a session token out; a wrong email and a wrong password are told apart by nobody. */
export async function signIn(deps: Deps, email: string, password: string): Promise<{ token: string; user: AdminUser }> {
  const user = await findUserByEmail(deps.db, email);
  if (!(await passwordMatches(user?.password_hash ?? null, password)) || !user) {
    throw new RegularsError('authentication', 'invalid_credentials', 'The email or the password is not right.');
  }
  return { token: await startSession(deps.db, user.id, deps.clock.now()), user };
}
