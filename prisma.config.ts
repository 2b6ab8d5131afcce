// Prisma CLI configuration: the Wasm schema engine through a driver adapter, so `generate`,
// `migrate deploy` and `migrate diff` need no downloaded binary (see prisma/offline-adapter.ts).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { offlineAdapter } from './prisma/offline-adapter.js';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set (npm start and the CLI set it for the embedded Postgres)');
    return offlineAdapter(url);
  },
});
