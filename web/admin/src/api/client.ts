// The dashboard's one way to the engine: the typed client of the public /v1 API, over the
// session cookie. Every request says which program it is for; every write carries the session's
// CSRF token and, for most POSTs, an idempotency key, so a retried click cannot act twice.
import { createRegularsClient, type components } from '../../../client/index.ts';
import { isolate } from '../lib/format.ts';

export type ApiErrorBody = components['schemas']['Error'];

/** An error answer of the API, with what a form needs to show it beside the right field. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string;
  readonly param: string | undefined;

  constructor(status: number, body: unknown) {
    const error = (body as Partial<ApiErrorBody> | undefined)?.error;
    super(error?.message ?? `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.type = error?.type ?? 'internal';
    this.code = error?.code ?? 'unknown';
    this.param = error?.param;
  }
}

const context: { programId: string | null; csrfToken: string | null } = { programId: null, csrfToken: null };

/** Called when the session is known (and again when the user switches program). */
export function setRequestContext(next: { programId: string | null; csrfToken: string | null }): void {
  Object.assign(context, next);
}

// No idempotency key where the answer carries a secret (a session, an API key's secret, an invite
// link): the engine stores a keyed answer to replay it, and these must not be stored. Nor where
// nothing changes (a preview): there is nothing to protect from a second click. A webhook
// endpoint's signing secret is in the answer to creating it and to rotating it.
const UNKEYED = /^\/v1\/(session|setup-links\/|api-keys|users|earning-rules\/preview|segments\/preview|email-campaigns\/preview|analytics\/backtest|email-templates\/[^/]+\/preview|webhook-endpoints(\/[^/]+\/rotate-secret)?$)/;

function requestHeaders(method: string, headers: Headers, url: string): Headers {
  if (context.programId) headers.set('Regulars-Program', context.programId);
  if (method !== 'GET' && method !== 'HEAD' && context.csrfToken) headers.set('X-CSRF-Token', context.csrfToken);
  const path = new URL(url, window.location.origin).pathname;
  if (method === 'POST' && !UNKEYED.test(path) && !headers.has('Idempotency-Key')) headers.set('Idempotency-Key', crypto.randomUUID());
  return headers;
}

export const client = createRegularsClient({ credentials: 'same-origin' });
client.use({
  onRequest({ request }) {
    requestHeaders(request.method, request.headers, request.url);
    return request;
  },
});

/** The data of an openapi-fetch answer, or the answer's error thrown as an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) throw new ApiError(result.response.status, result.error);
  return result.data as T;
}

/** A query string of the filters that are set, for links such as the CSV export. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The error of a field, when the API named it in `param`, for a Mantine input's `error`. The API
 * writes in English: isolated, its sentence keeps its order (and its full stop) in an Arabic form.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.param === field ? isolate(error.message) : undefined;
}

/** An error no field owns, to show above the form's buttons. */
export function formError(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.param && fields.includes(error.param)) return undefined;
  return isolate(error instanceof Error ? error.message : String(error));
}

/** Downloads a file of the API (a CSV export) with the same headers as every other request. */
export async function download(url: string, filename: string): Promise<void> {
  const response = await fetch(url, { headers: requestHeaders('GET', new Headers(), url), credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => undefined));
  const href = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href, download: filename });
  link.click();
  URL.revokeObjectURL(href);
}
