// The web chat page is served as-is: right types, no caching, and the hooks the browser test uses.
import { describe, expect, it } from 'vitest';
import { webChatPage } from '../src/http/web-chat/routes.js';

describe('webChatPage', () => {
  it('serves the HTML page with the static test ids', async () => {
    const res = await webChatPage.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    for (const id of ['user-picker', 'message-input', 'send-button', 'message-list']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('src="/web/app.js"');
    expect(html).toContain('href="/web/style.css"');
    expect(html).toContain('<option value="rep2">rep2 (李娜 · 销售)</option>');
  });

  it('serves the script, which builds the message and card test ids and never uses innerHTML', async () => {
    const res = await webChatPage.request('/web/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const js = await res.text();
    for (const id of ['bot-message', 'user-message', 'card', 'card-title', 'card-field', 'card-button']) {
      expect(js).toContain(`testid: '${id}'`);
    }
    expect(js).toContain('/api/chat');
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('serves the stylesheet', async () => {
    const res = await webChatPage.request('/web/style.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await res.text()).toContain('.message.user');
  });

  it('answers 404 for anything else', async () => {
    expect((await webChatPage.request('/web/secret.ts')).status).toBe(404);
  });
});
