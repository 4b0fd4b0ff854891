import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Secret keys are 192 random bits: a fast hash is enough to store them (argon2 is for passwords). */
export function newSecretKey(): { key: string; hash: string; hint: string } {
  const key = `sk_${randomBytes(24).toString('base64url')}`;
  return { key, hash: hashKey(key), hint: `sk_…${key.slice(-4)}` };
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function keysEqual(a: string, b: string): boolean {
  const left = Buffer.from(hashKey(a), 'hex');
  const right = Buffer.from(hashKey(b), 'hex');
  return timingSafeEqual(left, right);
}

/** A publishable key names a program in a page; it is not a secret (what a shopper may see is decided by their token). */
export const newPublishableKey = () => `pk_${randomBytes(16).toString('base64url')}`;

/** The widget secret the store's backend signs customer tokens with. */
export const newWidgetSecret = () => `ws_${randomBytes(32).toString('base64url')}`;
