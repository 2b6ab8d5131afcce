// The tenant's names the router hands the parser (#11): loaded once per process, reloaded in
// every process after a message adds a customer, contact or user (a version in Redis).
import { beforeAll, describe, expect, it } from 'vitest';
import { NamesCache } from '../../src/router/names.js';
import { testApp } from '../support/app.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

describe('the names dictionary', () => {
  it('holds customers with their aliases, contacts and team members', async () => {
    const names = await new NamesCache(app.db, app.redis, app.prefix).get('demo');
    expect(names.customers).toEqual(expect.arrayContaining(['比亚迪', 'BYD', '华为技术有限公司', '华为云计算']));
    expect(names.contacts).toEqual(expect.arrayContaining(['王建国', 'John Smith']));
    expect(names.people).toEqual(expect.arrayContaining(['张伟', '李娜', '王强']));
  });

  it('is not reloaded while nothing changed, and is after a chat message adds a customer', async () => {
    // Another process's cache, as the worker's would be beside the web chat's.
    const cache = new NamesCache(app.db, app.redis, app.prefix, { minReloadMs: 0, maxAgeMs: 60_000 });
    const first = await cache.get('demo');
    expect(await cache.get('demo')).toBe(first);
    expect(first.customers).not.toContain('宁德时代');

    expect((await app.say('rep1', '新客户：宁德时代，新能源行业，A类客户')).replies[0]!.text).toBe('已新建客户 宁德时代');
    const after = await cache.get('demo');
    expect(after).not.toBe(first);
    expect(after.customers).toContain('宁德时代');
  });

  it('a message that changes no name leaves it as it was', async () => {
    const cache = new NamesCache(app.db, app.redis, app.prefix, { minReloadMs: 0, maxAgeMs: 60_000 });
    const first = await cache.get('demo');
    await app.say('rep1', '我的销售漏斗');
    expect(await cache.get('demo')).toBe(first);
  });
});
