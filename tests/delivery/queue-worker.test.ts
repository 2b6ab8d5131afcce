// Every worker the product starts (src/runtime/queue-worker.ts), on the real test Redis: one closed
// as soon as it is made — a stop that overlaps the start — ends quietly, and one whose Redis is
// not there logs it and still closes, instead of an unhandled 'error' that ended the process
// (`npm start` stopped under load then left its Redis running).
import { createServer, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { Worker } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { freePort } from '../../src/runtime/free-port.js';
import { closeWorker, watched } from '../../src/runtime/queue-worker.js';
import { testRedis } from '../support/redis.js';

function capture() {
  const lines: Array<{ msg: string; queue?: string; err?: string }> = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  return { log: createLogger('info', stream), lines };
}

describe('queue workers', () => {
  const { url, prefix } = testRedis();
  const connection = { url, maxRetriesPerRequest: null };

  it('a worker closed right after it is made ends without an error, round after round', async () => {
    const { log, lines } = capture();
    let processed = 0;
    for (let i = 0; i < 40; i++) {
      const worker = watched(new Worker(`early${i % 4}`, async () => { processed++; }, { connection, prefix, concurrency: 8 }), log);
      if (i % 2) await new Promise((r) => setTimeout(r, i % 5));
      await closeWorker(worker);
      expect(worker.isRunning()).toBe(false);
    }
    expect(lines.filter((l) => l.msg === 'queue worker error')).toEqual([]);
    expect(processed).toBe(0);
  }, 60_000);

  it('a worker whose Redis is not there logs it, names its queue, and still closes', async () => {
    const { log, lines } = capture();
    const port = await freePort(); // nothing listens here
    const worker = watched(new Worker('nowhere', async () => {}, { connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null }, prefix }), log);
    for (const end = Date.now() + 10_000; Date.now() < end && !lines.length; ) await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await closeWorker(worker);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(lines[0]).toMatchObject({ msg: 'queue worker error', queue: 'nowhere' });
    expect(lines[0]!.err).toMatch(/ECONNREFUSED/);
  }, 30_000);
  it('a worker closed while its connect is in flight, after a refused one, leaves no unhandled rejection', async () => {
    // Nothing listens at first (connects are refused: an 'error'); then a server that takes the
    // connection and never answers, so the close after 2 s lands while a connect is in flight.
    const port = await freePort();
    const held: Socket[] = [];
    const server = createServer((socket) => { held.push(socket); socket.on('error', () => {}); });
    let unhandled = 0;
    const count = () => { unhandled++; };
    process.on('unhandledRejection', count);
    try {
      const worker = watched(new Worker('silent', async () => {}, { connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null }, prefix }), capture().log);
      await new Promise((r) => setTimeout(r, 300));
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
      await closeWorker(worker);
      for (const socket of held) socket.destroy();
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      process.off('unhandledRejection', count);
      for (const socket of held) socket.destroy();
      server.close();
    }
    expect(held.length).toBeGreaterThan(0);
    expect(unhandled).toBe(0);
  }, 30_000);
});
