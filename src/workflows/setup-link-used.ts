import type { Deps } from '../platform/deps.ts';
import { invalidRequest, RegularsError } from '../platform/errors.ts';
import { checkNewPassword, hashPassword } from '../users/passwords.ts';
import { endUserSessions, startSession } from '../users/sessions.ts';
import { useSetupLink, type SetupLink } from '../users/setup-links.ts';
import { createUser, findUserByEmail, setPassword, setRole } from '../users/user-store.ts';

export interface PasswordSetting {
  email?: string;
  name?: string;
  password: string;
}

/**
 * A one-time link used: `setup` makes the first owner (of every program on the instance), `invite`
 * sets an invited user's password, `reset` replaces a password and ends that user's sessions.
 * The link, the user and the first session are written together; a link works once.
 */
export async function setPasswordByLink(deps: Deps, token: string, link: SetupLink, input: PasswordSetting): Promise<{ token: string; userId: string }> {
  checkNewPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    if (!(await useSetupLink(tx, token, at))) throw new RegularsError('not_found', 'setup_link_not_found', 'This link was used already or has expired; ask for a new one.');
    let userId = link.user_id;
    if (link.purpose === 'setup') {
      if (!input.email) throw invalidRequest('parameter_missing', 'email is required.', 'email');
      if (await findUserByEmail(tx, input.email)) throw new RegularsError('conflict', 'user_exists', 'A user with this email exists already; sign in instead.', 'email');
      const user = await createUser(tx, { email: input.email, name: input.name ?? null, passwordHash }, at);
      const programs = await tx.selectFrom('programs').select('id').execute();
      for (const program of programs) await setRole(tx, program.id, user.id, 'owner', at);
      userId = user.id;
    } else {
      if (!userId) throw new Error(`a ${link.purpose} link names no user`);
      await setPassword(tx, userId, passwordHash, input.name);
      if (link.purpose === 'reset') await endUserSessions(tx, userId, at);
    }
    return { token: await startSession(tx, userId, at), userId };
  });
}
