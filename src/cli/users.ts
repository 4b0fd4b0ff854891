import { text } from 'node:stream/consumers';
import { readConfig } from '../platform/config.ts';
import { ROLES, type Role } from '../users/roles.ts';
import { checkNewPassword, hashPassword } from '../users/passwords.ts';
import { createSetupLink, setupLinkPath } from '../users/setup-links.ts';
import { createUser, findUserByEmail, setPassword, setRole } from '../users/user-store.ts';
import { openDatabase } from './database.ts';
import { chosenProgram } from './default-program.ts';

/**
 * `regulars users create --email … --role owner --password-stdin`: a dashboard user made headless
 * (provisioning scripts, a lost owner). An existing user gets the role and, when given, the new password.
 */
export async function createUserCommand(options: { email: string; role: string; name?: string; program?: string; passwordStdin?: boolean }): Promise<void> {
  if (!ROLES.includes(options.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (!options.passwordStdin) throw new Error('Pipe the password in with --password-stdin, e.g. `printf %s "$PASSWORD" | regulars users create … --password-stdin`.');
  const password = (await text(process.stdin)).replace(/\r?\n$/, '');
  checkNewPassword(password);
  const database = await openDatabase(readConfig(), () => {});
  try {
    const programId = await chosenProgram(database.db, options.program, { create: true });
    const passwordHash = await hashPassword(password);
    const at = new Date();
    const existing = await findUserByEmail(database.db, options.email);
    const user = existing ?? (await createUser(database.db, { email: options.email, name: options.name ?? null, passwordHash }, at));
    if (existing) await setPassword(database.db, existing.id, passwordHash, options.name);
    await setRole(database.db, programId, user.id, options.role as Role, at);
    console.log(`${existing ? 'updated' : 'created'} ${user.email} (${user.id}): ${options.role} of ${programId}`);
  } finally {
    await database.close();
  }
}

/**
 * `regulars users reset-password --email …`: a one-time link that sets a new password (and ends the
 * user's sessions when used), for a user locked out while no email is set up to send it.
 */
export async function resetPasswordCommand(options: { email: string }): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(config, () => {});
  try {
    const user = await findUserByEmail(database.db, options.email);
    if (!user) throw new Error(`No dashboard user has the email ${options.email}.`);
    const token = await createSetupLink(database.db, 'reset', user.id, new Date());
    console.log(`Open this link within 24 hours to set a new password for ${user.email} (it works once):`);
    console.log(`  ${config.publicUrl ?? `http://localhost:${config.port}`}${setupLinkPath(token)}`);
  } finally {
    await database.close();
  }
}
