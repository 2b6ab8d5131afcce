// One WeCom API call: JSON in, JSON out, classified failures. WeCom answers HTTP 200 with an
// `errcode` in the body for most refusals, so both layers are checked.
import { PlatformError } from '../contract.js';
import { errcodeError, httpError, networkError } from './errors.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface WecomResponse { errcode?: number; errmsg?: string; [k: string]: unknown }

/** Slower than this and the worker retries; WeCom usually answers in well under a second. */
const TIMEOUT_MS = 10_000;

export async function callApi(fetchImpl: FetchLike, url: string, init: RequestInit, during: string): Promise<WecomResponse> {
  let res: Response;
  try {
    res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw networkError(err, during);
  }
  if (!res.ok) throw httpError(res.status, during);
  const body = (await res.json().catch(() => undefined)) as WecomResponse | undefined;
  if (!body || typeof body !== 'object') throw new PlatformError('transient', `wecom ${during}: unreadable answer`);
  if (body.errcode) throw errcodeError(body.errcode, String(body.errmsg ?? ''), during);
  return body;
}

export const postJson = (body: unknown): RequestInit => ({
  method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body),
});

/** `base` may carry a path (a forward proxy); `path` may carry a query. */
export function apiUrl(base: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}
