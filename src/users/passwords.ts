import { hash, verify } from '@node-rs/argon2';
import { invalidRequest } from '../platform/errors.ts';

/** argon2id with @node-rs/argon2's defaults (OWASP's 19 MiB, 2 passes): the hash names its own parameters. */
export const hashPassword = (password: string): Promise<string> => hash(password);

/**
 * Checks a password against a hash. With no hash (no such user, or not set yet) a made-up one is
 * checked all the same, so a wrong email takes as long as a wrong password.
 */
export async function passwordMatches(passwordHash: string | null, password: string): Promise<boolean> {
  const matches = await verify(passwordHash ?? (await unknownUserHash), password);
  return matches && passwordHash !== null;
}

const unknownUserHash = hash('no user has this password');

export const MIN_PASSWORD_LENGTH = 10;

export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalidRequest('password_too_short', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, 'password');
}
