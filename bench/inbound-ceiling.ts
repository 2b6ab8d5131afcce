// The inbound bench's ceiling: a bare Hono endpoint that does what the product's webhook must
// (verify the Feishu signature, decrypt the body) and then ONE INSERT per event into a scratch
// table — no queue, no parser, no transaction. Served the same way (node-server on loopback)
// and driven by the same load generator, it is what this machine allows the product at most.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { decrypt, verifySignature } from '../adapters/feishu/crypto.js';
import { freePort } from '../src/runtime/free-port.js';

export interface Ceiling { url: string; rows(): Promise<number>; close(): Promise<void> }

interface Envelope { header?: { event_id?: string; tenant_key?: string }; event?: { sender?: { sender_id?: { open_id?: string } }; message?: { content?: string } } }

export async function startCeiling(databaseUrl: string, encryptKey: string): Promise<Ceiling> {
  // The product's pool size (src/db.ts), so neither side has more connections.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const table = `bench_inbound_ceiling_${Date.now()}`;
  await pool.query(`CREATE TABLE ${table} (event_id text PRIMARY KEY, tenant_key text NOT NULL, open_id text NOT NULL, content text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const app = new Hono().post('/webhooks/feishu', async (c) => {
    const raw = await c.req.text();
    const signed = verifySignature({
      timestamp: c.req.header('x-lark-request-timestamp'), nonce: c.req.header('x-lark-request-nonce'), signature: c.req.header('x-lark-signature'),
    }, encryptKey, raw);
    if (!signed.ok) return c.json({ error: 'unauthorized' }, 401);
    const body = JSON.parse(decrypt((JSON.parse(raw) as { encrypt: string }).encrypt, encryptKey)) as Envelope;
    // A re-delivered event id is stored once, as in the product.
    await pool.query(`INSERT INTO ${table} (event_id, tenant_key, open_id, content) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [body.header?.event_id, body.header?.tenant_key, body.event?.sender?.sender_id?.open_id, body.event?.message?.content]);
    return c.json({});
  });
  const { server, port } = await listen(app.fetch);
  return {
    url: `http://127.0.0.1:${port}/webhooks/feishu`,
    rows: async () => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n),
    async close() {
      await closeServer(server);
      await pool.query(`DROP TABLE IF EXISTS ${table}`).finally(() => pool.end());
    },
  };
}

/** Serves `fetch` on a free loopback port, resolved once it accepts connections. */
export async function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; port: number }> {
  const port = await freePort();
  let server: ServerType | undefined;
  await new Promise<void>((resolve) => { server = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve()); });
  // Node closes a keep-alive connection after 5 s idle; a generator slot waiting longer for a
  // reply would then reuse a socket being closed (ECONNRESET). Same setting for both servers.
  (server as { keepAliveTimeout: number }).keepAliveTimeout = 120_000;
  return { server: server!, port };
}

/** Stops the server; keep-alive connections the load generator still holds are cut. */
export function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
