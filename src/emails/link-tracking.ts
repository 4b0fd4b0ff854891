import { timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../platform/secrets.ts';

/**
 * Tracked links (opt-in per program): each link of an email becomes `/c?t={token}`, the token
 * carrying the message, the customer and the destination with a keyed hash over them, so the
 * redirect goes only where an email of ours pointed (no open redirect).
 */
interface Click {
  messageId: string;
  customerId: string;
  url: string;
}

const mac = (secrets: SecretBox, payload: string) => secrets.digest(`click:${payload}`).slice(0, 32);

export function clickToken(secrets: SecretBox, click: Click): string {
  const payload = Buffer.from(JSON.stringify([click.messageId, click.customerId, click.url])).toString('base64url');
  return `${payload}.${mac(secrets, payload)}`;
}

export function clickOfToken(secrets: SecretBox, token: string): Click | undefined {
  const [payload, given] = token.split('.');
  if (!payload || !given || given.length !== 32) return undefined;
  if (!timingSafeEqual(Buffer.from(mac(secrets, payload)), Buffer.from(given))) return undefined;
  try {
    const [messageId, customerId, url] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as string[];
    return messageId && customerId && url && /^https?:\/\//.test(url) ? { messageId, customerId, url } : undefined;
  } catch {
    return undefined;
  }
}

/** The email's links through the click recorder, but for the unsubscribe link (it must stay as it is). */
export function trackLinks(html: string, track: (url: string) => string, keep: string): string {
  return html.replace(/href="(https?:\/\/[^"]+)"/g, (whole, url: string) => {
    const plain = url.replace(/&amp;/g, '&');
    return plain === keep ? whole : `href="${track(plain)}"`;
  });
}
