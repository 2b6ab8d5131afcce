// Shared pieces of the digest tests: a recording notifier (also takes group sends), a job
// context over the file's own database and Redis prefix, and PNG header reading.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Address, Reply } from '../../src/chat/index.js';
import type { Db } from '../../src/db.js';
import type { Notifier, Recipient } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/log.js';
import type { JobContext } from '../../jobs/types.js';
import type { Redis } from 'ioredis';

export interface Sent { to: Recipient | Address; reply: Reply; key: string }

export class Recorder implements Notifier {
  readonly sent: Sent[] = [];
  async notify(to: Recipient, reply: Reply, opts: { key: string }) { this.sent.push({ to, reply, key: opts.key }); }
  async send(input: { address: Address; reply: Reply; key: string }) { this.sent.push({ to: input.address, reply: input.reply, key: input.key }); }
  take(): Sent[] { return this.sent.splice(0); }
}

export function jobContext(db: Db, redis: Redis, prefix: string, clock: { now: Date }) {
  const notifier = new Recorder();
  const ctx: JobContext = { db, redis, keyPrefix: prefix, notifier, now: () => clock.now, log: createLogger('silent') };
  return { ctx, notifier };
}

/** Charts go to a temporary data directory. */
export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-digest-'));
  process.env.DATA_DIR = dir;
  return dir;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  if (!buf.subarray(0, 8).equals(SIGNATURE) || buf.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Shanghai local instant (fixed +8). */
export const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
