// `run-job <job> --print` is a preview: the real command in a child process prints what the job
// would send and leaves the database exactly as it was — every job. The reminder it showed (a
// low-score alert raised by a care click) is then still delivered by the schedule's tick.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JOBS } from '../../jobs/index.js';
import { tick } from '../../jobs/reminders/follow-ups.js';
import { testApp } from '../support/app.js';
import { jobContext, textOf } from '../jobs/reminders-support.js';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-preview-'));
const app = await testApp({ now: new Date() });
const localDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function runJob(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: app.url, REDIS_URL: inject('redisUrl'), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  return run('npx', ['tsx', 'src/cli/main.ts', 'run-job', ...args], { env, timeout: 90_000 });
}

/** Every row of every table, as one digest per table. */
async function fingerprint(): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: app.url });
  await client.connect();
  try {
    const tables = await client.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`);
    const out: Record<string, string> = {};
    for (const { t } of tables.rows) {
      const r = await client.query<{ h: string | null }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`);
      out[t] = r.rows[0]!.h ?? 'empty';
    }
    return out;
  } finally {
    await client.end();
  }
}

describe('run-job --print', () => {
  let alert: string;
  beforeAll(async () => {
    // Care scores 美团 2/5 on a prompt: the owner and manager get an alert due now.
    const care = await app.userId('care');
    const meituan = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '美团' } });
    const prompt = await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'callback', assigneeId: care, customerId: meituan.id, dueAt: new Date(), note: 'prompt:tier:test', status: 'sent' } });
    const answer = await app.click('care', { intent: 'callback_score', args: { reminderId: prompt.id, score: 2, category: 'satisfaction' } });
    expect(answer.replies[0]!.text).toContain('已通知客户负责人和主管');
    alert = '美团 回访满意度只有 2/5';
    // Old rows for housekeeping to (not) delete.
    await app.db.processedEvent.create({ data: { id: 'old-event', tenantId: 'demo', createdAt: new Date(Date.now() - 60 * 86_400_000) } });
  });
  afterAll(async () => {
    const keys = await app.redis.keys('salesbot:print:*');
    expect(keys).toEqual([]);
  });

  it('reminders --print shows the due alert and leaves it to be delivered', async () => {
    const before = await fingerprint();
    const { stdout } = await runJob('reminders', '--tenant', 'demo', '--print');
    expect(stdout).toContain(alert);
    expect(await fingerprint()).toEqual(before);
    const dated = await runJob('reminders', '--tenant', 'demo', '--date', localDate(new Date()), '--print');
    expect(dated.stdout).toContain(alert);
    expect(await fingerprint()).toEqual(before);
    // The schedule still delivers it, to the owner and the manager.
    const job = jobContext(app.db, app.redis, app.prefix, new Date(Date.now() + 60_000));
    await tick(job.ctx, { tenantId: 'demo' });
    const got = job.notifier.sent.filter((s) => textOf(s).includes(alert));
    expect(got.map((s) => s.to.userId).sort()).toEqual([await app.userId('rep1'), await app.userId('manager')].sort());
  }, 180_000);

  it('every job with --print, on any date, changes nothing in the database', async () => {
    const before = await fingerprint();
    // This week's Monday in Shanghai (the weekly summary's day; Monday covers the weekend).
    const today = new Date();
    const weekday = new Date(today.getTime() + 8 * 3_600_000).getUTCDay();
    const monday = localDate(new Date(today.getTime() - ((weekday + 6) % 7) * 86_400_000));
    for (const job of JOBS) {
      await runJob(job.name, '--tenant', 'demo', '--date', monday, '--print');
      expect({ job: job.name, db: await fingerprint() }).toEqual({ job: job.name, db: before });
    }
    // The digest's chart is drawn outside the data directory, where sent digests keep theirs.
    const digest = await runJob('daily-digest', '--tenant', 'demo', '--date', monday, '--print');
    const image = (JSON.parse(digest.stdout.trim().split('\n')[0]!) as { image: string }).image;
    expect(fs.existsSync(image)).toBe(true);
    expect(image.startsWith(dataDir)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'charts'))).toBe(false);
    // housekeeping has no date: its preview deletes nothing either.
    await runJob('housekeeping', '--print');
    expect(await fingerprint()).toEqual(before);
  }, 600_000);
});
