// Feishu API failures → PlatformError kinds, so the outbound worker knows whether retrying can
// help. Codes from the server API error code list and the im/v1 message "send" error table;
// HTTP statuses follow "Rate limits" (429, or 400 on older APIs, with x-ogw-ratelimit-reset).
import { PlatformError, type PlatformErrorKind } from '../contract.js';

const codeKinds: Record<number, PlatformErrorKind> = {
  99991400: 'rate_limited', // request trigger frequency limit
  230020: 'rate_limited', // this chat's send frequency limit
  11232: 'rate_limited', // older "frequency limit" code of the send API
  230002: 'target_gone', // the bot is not in the chat (removed, or the chat was dissolved)
  230011: 'target_gone', // the message replied to was recalled
  230053: 'target_gone', // the user stopped the bot
  232009: 'target_gone', // the chat has been dissolved
  230006: 'permission_denied', // bot ability not enabled for the app
  230013: 'permission_denied', // the user is outside the app's availability range
  230027: 'permission_denied', // lacking permission for this operation
  230035: 'permission_denied', // the bot may not post in this chat (muted / admins only)
  99991672: 'permission_denied', // the app lacks the API scope
  99991679: 'permission_denied', // the scope was not granted by the tenant
  99991663: 'transient', // tenant token invalid: the SDK fetches a new one on the next try
  99991661: 'transient', // missing access token
  230001: 'invalid_request', // invalid parameter (content, receive id)
  230025: 'invalid_request', // message content too long
  230099: 'invalid_request', // card content could not be created
};

const statusKinds: Record<number, PlatformErrorKind> = { 400: 'invalid_request', 403: 'permission_denied', 404: 'target_gone', 429: 'rate_limited' };
const statusKind = (status: number): PlatformErrorKind => statusKinds[status] ?? 'transient';

export interface FeishuFailure { status?: number; code?: number; msg?: string; headers?: Record<string, unknown> }

/** Reads status, Feishu code and headers from an axios error (what the SDK throws) or a code≠0 body. */
export function failureOf(err: unknown): FeishuFailure {
  const e = err as { response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, unknown> }; message?: string };
  if (e?.response) return { status: e.response.status, code: e.response.data?.code, msg: e.response.data?.msg ?? e.message, headers: e.response.headers };
  return { msg: e?.message ?? String(err) };
}

function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
  const raw = headers?.['x-ogw-ratelimit-reset'] ?? headers?.['retry-after'];
  const seconds = Number(raw);
  return raw !== undefined && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

export function classify(f: FeishuFailure): PlatformError {
  const kind = (f.code !== undefined ? codeKinds[f.code] : undefined) ?? (f.status ? statusKind(f.status) : 'transient');
  const what = [f.status && `HTTP ${f.status}`, f.code !== undefined && `code ${f.code}`, f.msg].filter(Boolean).join(', ');
  return new PlatformError(kind, `feishu: ${what}`, kind === 'rate_limited' ? (retryAfterMs(f.headers) ?? 1000) : undefined);
}
