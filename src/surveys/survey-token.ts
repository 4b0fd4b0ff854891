import { timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../platform/secrets.ts';

const mac = (secrets: SecretBox, messageId: string) => secrets.digest(`survey:${messageId}`).slice(0, 32);

/**
 * The token of a survey email's link (`/s/{token}`): the email's id and a keyed hash of it, so the
 * link needs no login and cannot be made for another email (the email names its customer). It
 * fits a path segment (at most 100 characters).
 */
export const surveyToken = (secrets: SecretBox, messageId: string): string => `${messageId}.${mac(secrets, messageId)}`;

/** The email a token names, if it is one of ours. */
export function messageOfToken(secrets: SecretBox, token: string): string | undefined {
  const dot = token.lastIndexOf('.');
  const [messageId, given] = [token.slice(0, dot), token.slice(dot + 1)];
  if (dot < 1 || given.length !== 32) return undefined;
  return timingSafeEqual(Buffer.from(mac(secrets, messageId)), Buffer.from(given)) ? messageId : undefined;
}
