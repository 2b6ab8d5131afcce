// Each test file gets its own database, cloned from the migrated template (global-setup.ts),
// and dropped when the file is done.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../../src/db.js';

const TEMPLATE = 'salesbot_template';

export async function testDb(): Promise<{ db: Db; url: string }> {
  const server = inject('databaseUrl');
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await admin(server, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: 5 });
  afterAll(async () => {
    await db.$disconnect();
    await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return { db, url: url.toString() };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // Two files cloning the template at the same moment can collide; one retry settles it.
    await client.query(sql).catch(async (err: { code?: string }) => {
      if (err.code !== '55006') throw err;
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      await client.query(sql);
    });
  } finally {
    await client.end();
  }
}
