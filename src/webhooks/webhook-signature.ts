import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks (v1.0.0) symmetric signatures: `v1,` and the base64 HMAC-SHA256 of
 * `id.timestamp.body` under the secret's bytes (the base64 after `whsec_`). Consumers verify them
 * with the specification's official libraries.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** A new endpoint secret: `whsec_` and 32 random bytes in base64 (the specification asks for 24 to 64). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** The `webhook-signature` header: one signature per secret, space-separated (rotation sends two). */
export const signatureHeader = (secrets: string[], id: string, timestamp: number, body: string): string => secrets.map((s) => signWebhook(s, id, timestamp, body)).join(' ');
