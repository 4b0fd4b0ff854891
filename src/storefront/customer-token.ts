import { createHmac, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { RegularsError } from '../platform/errors.ts';

/** Who the store's backend says the shopper is: its customer id, and their email if it gave one. */
export interface Shopper {
  externalId: string;
  email: string | undefined;
}

/** A token names a shopper for at most a day. */
const MAX_AGE_S = 86_400;
/** Clocks differ: a token issued a little in our future is still taken. */
const SKEW_S = 300;

const refuse = (why: string) => new RegularsError('authentication', 'invalid_customer_token', `The customer token ${why}.`, 'Authorization');

/**
 * The customer token of a storefront request, in either of its two forms, checked against the
 * program's widget secrets (the current one, and the previous one for a day after a rotation):
 *
 * - `Authorization: Bearer <jwt>`: an HS256 JWT with `sub` (the store's customer id), optional
 *   `email`, `iat`, `exp` at most 24 hours after `iat`, and `aud` = `regulars`. `alg: none`, any
 *   other algorithm, another audience, an expired or over-long token are refused.
 * - `Authorization: Regulars-HMAC customer_id=…, timestamp=…, signature=…`, what a Liquid or PHP
 *   theme can compute: hex HMAC-SHA256(secret, "customer_id:timestamp"), valid for 24 hours.
 */
export async function verifyCustomerToken(authorization: string, secrets: string[], now: Date): Promise<Shopper> {
  if (secrets.length === 0) throw new RegularsError('permission', 'widget_secret_missing', 'This program has no widget secret yet: create one with POST /v1/program/widget-secret.');
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (bearer) return verifyJwt(bearer, secrets, now);
  const hmac = /^Regulars-HMAC\s+(.+)$/i.exec(authorization)?.[1];
  if (hmac) return verifyHmac(hmac, secrets, now);
  throw refuse('is neither "Bearer <jwt>" nor "Regulars-HMAC customer_id=…, timestamp=…, signature=…"');
}

async function verifyJwt(token: string, secrets: string[], now: Date): Promise<Shopper> {
  let lastError: unknown;
  for (const secret of secrets) {
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'], audience: 'regulars', currentDate: now, clockTolerance: SKEW_S, requiredClaims: ['sub', 'iat', 'exp'] });
      if (payload.exp! - payload.iat! > MAX_AGE_S) throw refuse('lives longer than 24 hours (exp − iat)');
      if (payload.iat! > now.getTime() / 1000 + SKEW_S) throw refuse('was issued in the future');
      return { externalId: payload.sub!, email: typeof payload.email === 'string' ? payload.email : undefined };
    } catch (error) {
      if (error instanceof RegularsError) throw error;
      lastError = error;
    }
  }
  const code = (lastError as { code?: string } | undefined)?.code;
  throw refuse(
    code === 'ERR_JWT_EXPIRED' ? 'has expired' : code === 'ERR_JOSE_ALG_NOT_ALLOWED' ? 'must be signed with HS256' : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? `has a wrong or missing claim (${(lastError as Error).message})` : 'is not signed with the program’s widget secret',
  );
}

function verifyHmac(params: string, secrets: string[], now: Date): Shopper {
  const fields = Object.fromEntries(params.split(',').map((part) => part.trim().split('=').map((s) => s.trim())).filter((kv) => kv.length === 2)) as Record<string, string>;
  const { customer_id: customerId, timestamp, signature } = fields;
  if (!customerId || !timestamp || !signature) throw refuse('needs customer_id, timestamp and signature');
  const issued = Number(timestamp);
  const nowS = now.getTime() / 1000;
  if (!Number.isInteger(issued)) throw refuse('timestamp is not a Unix time in seconds');
  if (issued > nowS + SKEW_S) throw refuse('was issued in the future');
  if (nowS - issued > MAX_AGE_S) throw refuse('has expired (older than 24 hours)');
  const sent = Buffer.from(signature, 'hex');
  const signed = secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(`${customerId}:${timestamp}`).digest();
    return sent.length === expected.length && timingSafeEqual(sent, expected);
  });
  if (!signed) throw refuse('is not signed with the program’s widget secret');
  return { externalId: decodeURIComponent(customerId), email: undefined };
}

/**
 * A customer token as a store's backend makes one (HS256 JWT, one hour), for trying the widget as a
 * test customer from the dashboard before the store's own code signs them.
 */
export async function signCustomerToken(secret: string, shopper: Shopper, now: Date, lifetimeS = 3600): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT(shopper.email ? { email: shopper.email } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(shopper.externalId)
    .setAudience('regulars')
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetimeS)
    .sign(new TextEncoder().encode(secret));
  return { token, expiresAt: new Date((iat + lifetimeS) * 1000) };
}
