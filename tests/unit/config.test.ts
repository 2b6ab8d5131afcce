import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, webChatEnabled } from '../../src/config.js';

describe('configuration', () => {
  it('has working defaults for the embedded setup', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, HOST: 'localhost', NODE_ENV: 'development', DEFAULT_TENANT: 'demo' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(webChatEnabled(c)).toBe(true);
  });

  it('names every bad variable', () => {
    const attempt = () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', WEB_CHAT_TOKEN: 'short' });
    expect(attempt).toThrow(ConfigError);
    try { attempt(); } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'PORT', 'WEB_CHAT_TOKEN']);
    }
  });

  it('turns the web chat off in production unless a token is set', () => {
    expect(webChatEnabled(loadConfig({ NODE_ENV: 'production' }))).toBe(false);
    expect(webChatEnabled(loadConfig({ NODE_ENV: 'production', WEB_CHAT_TOKEN: 'a'.repeat(24) }))).toBe(true);
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000); // empty means unset
  });
});
