import { timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../platform/secrets.ts';

/**
 * The token of a customer's unsubscribe link (`/u/{token}`): their id and a keyed hash of it, so
 * the link needs no login (RFC 8058: the one-click POST carries no cookie) and cannot be guessed
 * for another customer.
 */
export function unsubscribeToken(secrets: SecretBox, customerId: string): string {
  return `${Buffer.from(customerId).toString('base64url')}.${secrets.digest(`unsubscribe:${customerId}`).slice(0, 32)}`;
}

/** The customer a token names, if it is one of ours. */
export function customerOfToken(secrets: SecretBox, token: string): string | undefined {
  const [encoded, mac] = token.split('.');
  if (!encoded || !mac || mac.length !== 32) return undefined;
  const customerId = Buffer.from(encoded, 'base64url').toString();
  const expected = Buffer.from(secrets.digest(`unsubscribe:${customerId}`).slice(0, 32));
  return timingSafeEqual(expected, Buffer.from(mac)) ? customerId : undefined;
}
