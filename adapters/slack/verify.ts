// Slack request signing ("Verifying requests from Slack", docs.slack.dev/authentication/verifying-requests-from-slack):
//   X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret, "v0:" + X-Slack-Request-Timestamp + ":" + body)).
// The HMAC runs over the RAW bytes received: a parsed-and-reserialised body (key order, spaces,
// escapes) would not match. Bolt's verifySlackRequest takes a string and only refuses timestamps
// in the past; this also refuses ones too far in the future (a replay window either way).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's own window: a timestamp more than five minutes off is a replay. */
export const MAX_SKEW_SECONDS = 5 * 60;

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing_headers' | 'stale' | 'bad_signature' };

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: Uint8Array;
}

export function signSlackRequest(secret: string, timestamp: string | number, rawBody: Uint8Array | string): string {
  const mac = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody);
  return `v0=${mac.digest('hex')}`;
}

export function verifySlackRequest(secret: string, req: SignedRequest, nowMs: number = Date.now()): VerifyResult {
  const { signature, timestamp } = req;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signSlackRequest(secret, timestamp, req.rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'bad_signature' };
}
