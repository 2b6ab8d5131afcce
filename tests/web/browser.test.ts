// The web chat as a person uses it: headless Chromium (Debian's package, driven by
// playwright-core) opens the page served by the real app, sends a message, clicks a card button
// and sees the result — and the database agrees.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('web chat in a browser', () => {
  let browser: Browser;
  let server: ServerType;
  let base: string;
  let t: Awaited<ReturnType<typeof testApp>>;

  beforeAll(async () => {
    t = await testApp();
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
        '--disable-background-networking', '--disable-component-update',
      ], // playwright's launch() already uses a fresh, temporary profile

    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('logs a visit through a clarification button and undoes it', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?user=rep1`);
    const before = await t.db.activity.count();

    await page.getByTestId('message-input').fill('今天拜访了华为的张总，意向金额50万，下周三再跟进');
    await page.getByTestId('send-button').click();
    // 华为 is ambiguous in the demo data: the bot asks, with the customers as buttons.
    await page.getByTestId('card-button').filter({ hasText: '华为云' }).click();
    const logged = page.getByTestId('card-title').filter({ hasText: '已记录拜访 · 华为云' });
    await logged.waitFor();
    // The answer took the question card's place (#13): its buttons are gone, nothing to click twice.
    expect(await page.getByTestId('card-button').filter({ hasText: '华为云' }).count()).toBe(0);
    expect(await page.getByTestId('card-field').filter({ hasText: '50万' }).count()).toBeGreaterThan(0);
    expect(await t.db.activity.count()).toBe(before + 1);

    await page.getByTestId('card-button').filter({ hasText: '撤销' }).last().click();
    await page.getByTestId('bot-message').filter({ hasText: '已撤销' }).waitFor();
    expect(await t.db.activity.count()).toBe(before);
    await page.close();
  }, 60_000);
});
