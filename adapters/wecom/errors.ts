// WeCom errcodes (企业微信 "全局错误码") → what the outbound worker should do next.
import { PlatformError, type PlatformErrorKind } from '../contract.js';

/** The access token expired or was revoked: fetch a new one and try once more. */
export const TOKEN_ERRCODES = new Set([40014, 42001, 40001]);

const KINDS: Record<number, PlatformErrorKind> = {
  // -1: system busy.
  [-1]: 'transient',
  // 45009: API frequency limit; 45033: too many concurrent calls.
  45009: 'rate_limited',
  45033: 'rate_limited',
  // 81013: user, party and tag all invalid; 60111: userid not found; 40031: invalid user list.
  81013: 'target_gone',
  60111: 'target_gone',
  40031: 'target_gone',
  // 48002: API forbidden for this app; 60020: IP not in the app's trusted IPs; 301002: no
  // permission for this member (outside the app's visible range).
  48002: 'permission_denied',
  60020: 'permission_denied',
  301002: 'permission_denied',
  // Token errors that survive one re-fetch: 40001 then means a bad secret (gettoken answers
  // it too); the expiry codes mean WeCom is having trouble.
  40001: 'permission_denied',
  40014: 'transient',
  42001: 'transient',
  // Wrong configuration seen when fetching a token: bad corp id.
  40013: 'permission_denied',
  40091: 'permission_denied',
  // Group robot webhooks: the key is gone (robot removed) or invalid.
  93000: 'target_gone',
  93004: 'target_gone',
};

/** WeCom gives no Retry-After: its frequency limits count per minute, so wait one. */
const RETRY_AFTER_MS: Partial<Record<number, number>> = { 45009: 60_000, 45033: 1_000 };

/** A refusal WeCom answered with an errcode (kept, so callers can react to token codes). */
export class WecomApiError extends PlatformError {
  constructor(readonly errcode: number, errmsg: string, during: string) {
    // Anything unknown is our request's fault (bad field, oversize): retrying will not fix it.
    super(KINDS[errcode] ?? 'invalid_request', `wecom ${during}: errcode ${errcode} ${errmsg}`.slice(0, 300), RETRY_AFTER_MS[errcode]);
  }
}

export function errcodeError(errcode: number, errmsg: string, during: string): WecomApiError {
  return new WecomApiError(errcode, errmsg, during);
}

/** HTTP failures: 5xx and 429 are worth retrying; other statuses are not. */
export function httpError(status: number, during: string): PlatformError {
  if (status === 429) return new PlatformError('rate_limited', `wecom ${during}: HTTP 429`, 60_000);
  return new PlatformError(status >= 500 ? 'transient' : 'invalid_request', `wecom ${during}: HTTP ${status}`);
}

/** Network errors and timeouts. */
export function networkError(err: unknown, during: string): PlatformError {
  const msg = err instanceof Error ? err.message : String(err);
  return new PlatformError('transient', `wecom ${during}: ${msg}`.slice(0, 300));
}
