import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Shopify (X-Shopify-Hmac-Sha256) and WooCommerce (X-WC-Webhook-Signature) both sign a delivery
 * with base64(HMAC-SHA256(secret, the raw body bytes)). Checked on the bytes as received, before
 * parsing, in constant time; any of the connection's current secrets may have signed it (a secret
 * being rotated signs beside the new one for a while).
 */
export function signedBy(rawBody: Buffer, header: string | undefined, secrets: string[]): boolean {
  if (!header) return false;
  const sent = Buffer.from(header.trim(), 'base64');
  return secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    return sent.length === expected.length && timingSafeEqual(sent, expected);
  });
}

/** What a platform would send for this body and secret: for tests and the docs' examples. */
export const signatureOf = (rawBody: Buffer | string, secret: string) => createHmac('sha256', secret).update(rawBody).digest('base64');
