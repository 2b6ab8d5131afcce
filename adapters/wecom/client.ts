// The app's authenticated calls (企业微信 "发送应用消息", "上传临时素材"): every call carries the
// cached access token; a token WeCom calls expired or invalid is dropped and the call made once
// more with a fresh one.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PlatformError } from '../contract.js';
import { apiUrl, callApi, postJson, type FetchLike, type WecomResponse } from './api.js';
import { TOKEN_ERRCODES, WecomApiError } from './errors.js';
import type { WecomMessage } from './outbound.js';
import { AccessTokens } from './token.js';

export type AppMessage = WecomMessage | { msgtype: 'image'; image: { media_id: string } };

export class WecomClient {
  private readonly tokens: AccessTokens;

  constructor(private readonly opts: { apiBase: string; corpId: string; agentId: string; secret: string; fetch: FetchLike; now?: () => number }) {
    this.tokens = new AccessTokens(opts);
  }

  private async call(path: string, init: () => RequestInit, during: string, retried = false): Promise<WecomResponse> {
    const token = await this.tokens.get();
    try {
      return await callApi(this.opts.fetch, apiUrl(this.opts.apiBase, path, { access_token: token }), init(), during);
    } catch (err) {
      if (retried || !(err instanceof WecomApiError) || !TOKEN_ERRCODES.has(err.errcode)) throw err;
      this.tokens.invalidate(token);
      return this.call(path, init, during, true);
    }
  }

  /** POST /cgi-bin/message/send with touser, agentid and the message. */
  async send(touser: string, message: AppMessage): Promise<void> {
    const body = { touser, agentid: Number(this.opts.agentId), ...message };
    const res = await this.call('/cgi-bin/message/send', () => postJson(body), 'message/send');
    // errcode 0 can still name users it could not reach.
    if (typeof res.invaliduser === 'string' && res.invaliduser) throw new PlatformError('target_gone', `wecom message/send: invalid user ${res.invaliduser}`);
  }

  /** POST /cgi-bin/message/update_template_card: the clicked card, once per ResponseCode. */
  async updateTemplateCard(userid: string, responseCode: string, update: object): Promise<void> {
    const body = { userids: [userid], agentid: Number(this.opts.agentId), response_code: responseCode, ...update };
    await this.call('/cgi-bin/message/update_template_card', () => postJson(body), 'message/update_template_card');
  }

  /** Uploads a temporary image (kept three days by WeCom) and returns its media_id. */
  async uploadImage(path: string): Promise<string> {
    const bytes = await readFile(path).catch(() => {
      throw new PlatformError('invalid_request', `wecom media/upload: cannot read ${basename(path)}`);
    });
    const form = () => {
      const f = new FormData();
      f.append('media', new Blob([bytes], { type: 'image/png' }), basename(path));
      return { method: 'POST', body: f } satisfies RequestInit;
    };
    const res = await this.call('/cgi-bin/media/upload?type=image', form, 'media/upload');
    return String(res.media_id ?? '');
  }
}
