// Slack Web API failures → PlatformError kinds, so the outbound worker knows whether to wait,
// retry or give up. Error strings: each method's "Errors" table on docs.slack.dev/reference/methods
// (chat.postMessage, files.getUploadURLExternal, files.completeUploadExternal).
import {
  WebAPIFileUploadInvalidArgumentsError, WebAPIFileUploadReadFileDataError, WebAPIHTTPError,
  WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError,
} from '@slack/web-api';
import { PlatformError, type PlatformErrorKind } from '../contract.js';

/** Slack's `error` strings in an `ok: false` answer; anything not listed is invalid_request. */
export const PLATFORM_ERRORS: Record<string, PlatformErrorKind> = {
  channel_not_found: 'target_gone',
  is_archived: 'target_gone',
  account_inactive: 'target_gone',
  not_in_channel: 'target_gone',
  user_not_found: 'target_gone',
  user_disabled: 'target_gone',
  cannot_dm_bot: 'target_gone',
  missing_scope: 'permission_denied',
  not_authed: 'permission_denied',
  invalid_auth: 'permission_denied',
  restricted_action: 'permission_denied',
  token_revoked: 'permission_denied',
  token_expired: 'permission_denied',
  no_permission: 'permission_denied',
  team_access_not_granted: 'permission_denied',
  ekm_access_denied: 'permission_denied',
  ratelimited: 'rate_limited',
  rate_limited: 'rate_limited',
  internal_error: 'transient',
  fatal_error: 'transient',
  service_unavailable: 'transient',
  request_timeout: 'transient',
};

/** Without a Retry-After, wait about one second: Slack's per-channel posting rate. */
const DEFAULT_WAIT_MS = 1000;

export function classifySlackError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof WebAPIRateLimitedError) {
    return new PlatformError('rate_limited', `slack: rate limited, retry after ${err.retryAfter}s`, err.retryAfter * 1000);
  }
  if (err instanceof WebAPIPlatformError) {
    const code = err.data.error;
    const kind = PLATFORM_ERRORS[code] ?? 'invalid_request';
    return new PlatformError(kind, `slack: ${code}`, kind === 'rate_limited' ? DEFAULT_WAIT_MS : undefined);
  }
  if (err instanceof WebAPIHTTPError) {
    return new PlatformError(err.statusCode >= 500 ? 'transient' : 'invalid_request', `slack: HTTP ${err.statusCode}`);
  }
  if (err instanceof WebAPIFileUploadInvalidArgumentsError || err instanceof WebAPIFileUploadReadFileDataError) {
    return new PlatformError('invalid_request', `slack: ${err.message}`);
  }
  // Connection refused or reset, DNS, the request timeout: the network, not the message.
  if (err instanceof WebAPIRequestError) return new PlatformError('transient', `slack: ${err.original.message}`);
  return new PlatformError('transient', `slack: ${err instanceof Error ? err.message : String(err)}`);
}
