import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, literalRefusal, type AllowedDestinations } from './destination-guard.ts';

export const TIMEOUT_MS = 15_000;
const KEPT_BYTES = 1024;

/** What one attempt got back: an HTTP answer, or why there was none. */
export type Answer = { status: number; response: string; retryAfterSeconds: number | null } | { status: null; error: string };

/**
 * POSTs a delivery: no redirects followed (a 3xx is an answer like any other), 15 s for the whole
 * exchange, the first 1 kB of the answer kept, and only to addresses the guard allows.
 */
export function postWebhook(url: URL, headers: Record<string, string>, body: string, allowed: AllowedDestinations): Promise<Answer> {
  const refusal = literalRefusal(url, allowed);
  if (refusal) return Promise.resolve({ status: null, error: refusal });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(url, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'Regulars-Webhooks/1', ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: guardedLookup(allowed) }, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept < KEPT_BYTES) chunks.push(chunk.subarray(0, KEPT_BYTES - kept));
        kept += chunk.length;
      });
      res.on('end', () => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, response: Buffer.concat(chunks).toString('utf8'), retryAfterSeconds: retryAfter(res.headers['retry-after']) });
      });
      res.on('error', (error) => fail(error.message));
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    const fail = (error: string) => {
      clearTimeout(deadline);
      resolve({ status: null, error });
    };
    req.on('error', (error) => fail(error.message));
    req.end(body);
  });
}

/** `Retry-After` as seconds from now: a number of seconds or an HTTP date. */
function retryAfter(value: string | undefined): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
