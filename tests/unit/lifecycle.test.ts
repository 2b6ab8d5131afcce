// #12.14: a part that fails to start (the HTTP port taken after the early check, say) stops
// the parts already started, the queues and the servers, and the failure names the port and
// the variable that moves it.
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Booted } from '../../src/runtime/boot.js';
import { startAll } from '../../src/runtime/lifecycle.js';
import { isAlive } from '../../src/runtime/free-port.js';
import { listening, portAvailable } from '../../src/runtime/listen.js';
import { runChild } from '../support/child.js';

describe('startAll', () => {
  it('stops what started — parts, queues, then servers — when a later part fails', async () => {
    const stopped: string[] = [];
    const booted = {
      log: { warn: () => {} },
      product: { closeQueues: async () => { stopped.push('queues'); } },
      runtime: { close: async () => { stopped.push('servers'); } },
    } as unknown as Booted;
    const part = (name: string) => async () => ({ close: async () => { stopped.push(name); } });
    const failing = async () => { throw new Error('port 3000 is in use — set PORT to a free one'); };
    await expect(startAll(booted, [part('workers'), part('metrics'), failing])).rejects.toThrow(/port 3000 is in use/);
    expect(stopped).toEqual(['metrics', 'workers', 'queues', 'servers']);
  });
});

describe('runMain', () => {
  it('an error nothing caught still stops the servers the process started, then exits 1', async () => {
    const app = runChild(fileURLToPath(new URL('./lifecycle-crash-child.ts', import.meta.url)), {});
    const code = new Promise<number | null>((resolve) => app.child.on('exit', (c) => resolve(c)));
    expect(await code).toBe(1);
    const pid = Number(/server (\d+)/.exec(app.out())?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(app.err()).toContain('nothing caught this');
    expect(isAlive(pid), 'the server was stopped').toBe(false);
  }, 30_000);
});

describe('listening', () => {
  it('a taken port is an error naming the port and the variable, before and at listen time', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      await expect(portAvailable(port, '127.0.0.1', 'PORT')).rejects.toThrow(`port ${port} is in use — set PORT to a free one (e.g. PORT=${port + 1})`);
      const late = net.createServer();
      late.listen(port, '127.0.0.1');
      await expect(listening(late, port, 'METRICS_PORT')).rejects.toThrow(`port ${port} is in use — set METRICS_PORT`);
    } finally {
      holder.close();
    }
  });
});
