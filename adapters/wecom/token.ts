// The app's access token (企业微信 "获取access_token"): GET /cgi-bin/gettoken?corpid&corpsecret,
// valid `expires_in` seconds (7200). Cached per process, refreshed five minutes early, one
// fetch at a time; `invalidate()` after errcode 40014/42001/40001 forces a new one.
import { PlatformError } from '../contract.js';
import { apiUrl, callApi, type FetchLike } from './api.js';

const EARLY_MS = 5 * 60_000;

export interface TokenSource { get(): Promise<string>; invalidate(token: string): void }

export class AccessTokens implements TokenSource {
  private cached?: { token: string; expiresAt: number };
  private inflight?: Promise<string>;

  constructor(
    private readonly opts: { apiBase: string; corpId: string; secret: string; fetch: FetchLike; now?: () => number },
  ) {}

  private now() { return (this.opts.now ?? Date.now)(); }

  async get(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.now()) return this.cached.token;
    this.inflight ??= this.fetchToken().finally(() => { this.inflight = undefined; });
    return this.inflight;
  }

  /** Drops `token` if it is still the cached one (a parallel refresh may have replaced it). */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const url = apiUrl(this.opts.apiBase, '/cgi-bin/gettoken', { corpid: this.opts.corpId, corpsecret: this.opts.secret });
    const body = await callApi(this.opts.fetch, url, { method: 'GET' }, 'gettoken');
    const token = String(body.access_token ?? '');
    if (!token) throw new PlatformError('transient', 'wecom gettoken: no access_token in the answer');
    const ttlMs = Number(body.expires_in ?? 7200) * 1000;
    this.cached = { token, expiresAt: this.now() + Math.max(ttlMs - EARLY_MS, ttlMs / 2) };
    return token;
  }
}
