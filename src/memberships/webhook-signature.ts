import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Signed webhooks from the billing system: `Regulars-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** 'ok', or why the signature does not hold: missing, malformed, stale (over five minutes), wrong. */
export function checkSignature(header: string | undefined, secret: string, body: string, now: Date): 'ok' | 'missing' | 'stale' | 'wrong' {
  if (!header) return 'missing';
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=') as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return 'missing';
  if (Math.abs(now.getTime() / 1000 - timestamp) > 300) return 'stale';
  const expected = Buffer.from(signPayload(secret, timestamp, body).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'wrong';
}
