// Feishu event security: the request signature and the encrypted body.
// Follows "Event subscription: encryption and signature verification"
// (open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case).
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** How far a request's timestamp may be from our clock before it counts as a replay. */
export const MAX_SKEW_SECONDS = 300;

export interface SignedHeaders { timestamp?: string; nonce?: string; signature?: string }

export type SignatureRecipe = (timestamp: string, nonce: string, secret: string, rawBody: string) => string;

/** hex(sha256(timestamp + nonce + encryptKey + rawBody)) — over the RAW bytes received. */
export const signatureOf: SignatureRecipe = (timestamp, nonce, encryptKey, rawBody) =>
  createHash('sha256').update(timestamp + nonce + encryptKey + rawBody).digest('hex');

/** The old-format card callback's: hex(sha1(timestamp + nonce + verificationToken + rawBody)), the
 * recipe of the SDK's CardActionHandler (which hashes re-serialised JSON; we hash the raw bytes). */
export const legacyCardSignatureOf: SignatureRecipe = (timestamp, nonce, verificationToken, rawBody) =>
  createHash('sha1').update(timestamp + nonce + verificationToken + rawBody).digest('hex');

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

export function verifySignature(h: SignedHeaders, secret: string, rawBody: string, nowMs = Date.now(), recipe = signatureOf): VerifyResult {
  if (!h.timestamp || !h.nonce || !h.signature) return { ok: false, reason: 'missing_headers' };
  const ts = Number(h.timestamp);
  if (!Number.isFinite(ts) || Math.abs(nowMs / 1000 - ts) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(recipe(h.timestamp, h.nonce, secret, rawBody));
  const given = Buffer.from(h.signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'bad_signature' };
}

const keyOf = (encryptKey: string) => createHash('sha256').update(encryptKey).digest();

/** AES-256-CBC, key = sha256(encrypt key), IV = the first 16 bytes of the decoded payload, PKCS#7. */
export function decrypt(encrypted: string, encryptKey: string): string {
  const buf = Buffer.from(encrypted, 'base64');
  if (buf.length < 32 || buf.length % 16 !== 0) throw new Error('encrypted payload has a bad length');
  const decipher = createDecipheriv('aes-256-cbc', keyOf(encryptKey), buf.subarray(0, 16));
  return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('utf8');
}

/** The inverse of decrypt (what Feishu does); used by tests and fakes. */
export function encrypt(plain: string, encryptKey: string, iv: Buffer = randomBytes(16)): string {
  const cipher = createCipheriv('aes-256-cbc', keyOf(encryptKey), iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}
