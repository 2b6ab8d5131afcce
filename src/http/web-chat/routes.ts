// The local web chat page: three static files with no build step, read once at start. The page
// talks to the JSON API (/api/chat), which lives elsewhere; this module only serves the files.
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

const ASSETS: { path: string; file: string; type: string }[] = [
  { path: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { path: '/web/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { path: '/web/style.css', file: 'style.css', type: 'text/css; charset=utf-8' },
];

// The page only needs its own script, style and API; replies may carry images from elsewhere.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "img-src 'self' https: http: data: blob:", "object-src 'none'",
  "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

// no-cache: the browser revalidates, so an edited file shows up on reload during development.
const COMMON_HEADERS = {
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'content-security-policy': CONTENT_SECURITY_POLICY,
};

export const webChatPage = new Hono();

for (const asset of ASSETS) {
  const body = readFileSync(new URL(asset.file, import.meta.url), 'utf8');
  webChatPage.get(asset.path, (c) => c.body(body, 200, { ...COMMON_HEADERS, 'content-type': asset.type }));
}
