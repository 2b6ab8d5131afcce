// WeCom callback encryption (企业微信 "加解密方案说明", the WXBizMsgCrypt samples):
//   msg_signature = sha1(sort([token, timestamp, nonce, encrypt]).join(''))
//   AES-256-CBC, key = base64(EncodingAESKey + '='), IV = the key's first 16 bytes,
//   plaintext = 16 random bytes + 4-byte big-endian length + message + receive id (corp id),
//   PKCS#7 padding to 32-byte blocks — Node's own unpadding works on 16-byte blocks and rejects
//   pad values above 16, so auto-padding is off and padding is added and stripped here.
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BLOCK = 32;

export type CryptoError = 'bad_key' | 'bad_signature' | 'bad_ciphertext' | 'bad_padding' | 'bad_length' | 'wrong_receiver';

export class WecomCryptoError extends Error {
  constructor(readonly code: CryptoError) {
    super(`wecom crypto: ${code}`);
    this.name = 'WecomCryptoError';
  }
}

export function signature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

export function pkcs7Pad(data: Buffer): Buffer {
  const n = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

export function pkcs7Unpad(data: Buffer): Buffer {
  const n = data.length ? data[data.length - 1]! : 0;
  if (n < 1 || n > BLOCK || n > data.length) throw new WecomCryptoError('bad_padding');
  for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) throw new WecomCryptoError('bad_padding');
  return data.subarray(0, data.length - n);
}

export class WecomCrypto {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(private readonly token: string, encodingAesKey: string, private readonly receiveId: string) {
    if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) throw new WecomCryptoError('bad_key');
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (this.key.length !== 32) throw new WecomCryptoError('bad_key');
    this.iv = this.key.subarray(0, 16);
  }

  sign(timestamp: string, nonce: string, encrypt: string): string {
    return signature(this.token, timestamp, nonce, encrypt);
  }

  /** Constant-time comparison of the query's msg_signature with ours. */
  verify(msgSignature: string, timestamp: string, nonce: string, encrypt: string): boolean {
    const expected = Buffer.from(this.sign(timestamp, nonce, encrypt));
    const given = Buffer.from(msgSignature.toLowerCase());
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The message inside `encrypt`; throws WecomCryptoError when anything is off. */
  decrypt(encrypt: string): string {
    const data = Buffer.from(encrypt, 'base64');
    if (data.length === 0 || data.length % 16 !== 0) throw new WecomCryptoError('bad_ciphertext');
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
    const plain = pkcs7Unpad(Buffer.concat([decipher.update(data), decipher.final()]));
    if (plain.length < 20) throw new WecomCryptoError('bad_length');
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) throw new WecomCryptoError('bad_length');
    const receiver = plain.subarray(20 + length).toString('utf8');
    if (receiver !== this.receiveId) throw new WecomCryptoError('wrong_receiver');
    return plain.subarray(20, 20 + length).toString('utf8');
  }

  /** Encrypts `message` as WeCom does (used for passive replies and by test harnesses). */
  encrypt(message: string, random: Buffer = randomBytes(16)): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const plain = pkcs7Pad(Buffer.concat([random, length, body, Buffer.from(this.receiveId, 'utf8')]));
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
  }
}
