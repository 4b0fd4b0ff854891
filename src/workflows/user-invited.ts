import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import type { Role } from '../users/roles.ts';
import { createSetupLink } from '../users/setup-links.ts';
import { createUser, findUserByEmail, programUser, setRole, type ProgramUser } from '../users/user-store.ts';

/**
 * Gives someone a role in a program. Someone new gets an account without a password and a link to
 * set one (24 hours); someone who has an account elsewhere on the instance just gains this program.
 */
export async function inviteUser(deps: Deps, programId: string, input: { email: string; role: Role; name?: string }): Promise<{ user: ProgramUser; setupToken: string | null }> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    if (existing && (await programUser(tx, programId, existing.id))) {
      throw new RegularsError('conflict', 'user_exists', 'This person is a user of the program already; change their role instead.', 'email');
    }
    const user = existing ?? (await createUser(tx, { email: input.email, name: input.name ?? null }, at));
    await setRole(tx, programId, user.id, input.role, at);
    const setupToken = user.password_hash === null ? await createSetupLink(tx, 'invite', user.id, at) : null;
    return { user: (await programUser(tx, programId, user.id))!, setupToken };
  });
}
