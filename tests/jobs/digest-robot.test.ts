// A team whose group is a WeCom group robot: the digest goes to the robot's webhook (a fake on
// 127.0.0.1) as markdown and then the chart image, once, recorded in the Delivery table.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { runDailyDigest } from '../../jobs/digests/daily.job.js';
import type { JobContext } from '../../jobs/types.js';
import { createLogger } from '../../src/log.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { shanghai, tempDataDir } from './digest-support.js';

const DATE = '2026-11-19';
const { db } = await testDb();
const { redis, prefix } = testRedis();
tempDataDir();
const posts: { url: string; body: { msgtype: string; markdown?: { content: string }; image?: { base64: string; md5: string } } }[] = [];
const server = http.createServer((req, res) => {
  let data = '';
  req.on('data', (c) => { data += c; });
  req.on('end', () => {
    posts.push({ url: req.url ?? '', body: JSON.parse(data) });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
  });
});
const personal: string[] = [];
// Only notify(): the robot branch must send for real.
const ctx: JobContext = {
  db, redis, keyPrefix: prefix, log: createLogger('silent'), now: () => shanghai(DATE, '18:30'),
  notifier: { notify: async (_to, _reply, opts) => { personal.push(opts.key); } },
};

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await seedDemo(db, { now: shanghai(DATE, '10:00') });
  const team = await db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });
  await db.team.update({ where: { id: team.id }, data: { settings: { group: { wecomRobot: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=robot-1` } } } });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('digest to a WeCom group robot', () => {
  it('posts the digest text and the chart to the webhook once', async () => {
    await runDailyDigest(ctx, {});
    expect(personal).toEqual([expect.stringMatching(/^digest:.*:2026-11-19$/)]);
    expect(posts.map((p) => p.body.msgtype)).toEqual(['markdown', 'image']);
    expect(posts[0]!.url).toBe('/cgi-bin/webhook/send?key=robot-1');
    expect(posts[0]!.body.markdown!.content).toContain('华东销售一组 日报 · 11月19日');
    const chart = fs.readdirSync(process.env.DATA_DIR + '/charts').map((f) => fs.readFileSync(`${process.env.DATA_DIR}/charts/${f}`));
    expect(chart).toHaveLength(1);
    expect(posts[1]!.body.image!.md5).toBe(createHash('md5').update(chart[0]!).digest('hex'));
    expect(await db.delivery.findMany({ select: { id: true, status: true } })).toEqual([{ id: expect.stringMatching(/:group$/), status: 'sent' }]);
    await redis.del(...await redis.keys(`${prefix}:digest-done:*`));
    // Even with the job's own marks gone, the Delivery row keeps the robot from posting again.
    await runDailyDigest(ctx, {});
    expect(posts).toHaveLength(2);
  });
});
