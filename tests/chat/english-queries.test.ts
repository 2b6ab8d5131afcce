// Issue #11, found by a tester using the web chat: "how much can I close this month" was read as
// a deal update ("Did you mean: Update a deal?") and "this week's follow ups" not at all, though
// the Chinese forms worked. Both are answered in English, and nothing is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

describe('English queries', () => {
  it('"how much can I close this month" is the forecast; "this week\'s follow ups" the week\'s tasks', async () => {
    const audits = await app.db.auditLog.count();
    const forecast = only(await app.say('rep1', 'how much can I close this month'));
    expect(forecast.text).toMatch(/forecast/i);
    expect(forecast.text).not.toMatch(/Did you mean/);
    const tasks = only(await app.say('rep1', "this week's follow ups"));
    expect(tasks.text).toMatch(/week/i);
    expect(tasks.text).not.toMatch(/didn't get that/);
    expect(await app.db.auditLog.count()).toBe(audits);
  });
});
