// A template card button's `key` (发送应用消息 → 按钮交互型: "最长支持1024字节") comes back as
// the click event's EventKey. Short actions travel inline as their JSON; longer ones are kept
// in Redis under a content hash and the key carries `ref:<hash>`.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { actionPayloadSchema, type ActionPayload } from '../../src/chat/index.js';

export const MAX_KEY_BYTES = 1024;
const REF = 'ref:';
/** Long enough for any card anyone will still click. */
const TTL_SECONDS = 30 * 24 * 3600;

export class ActionKeys {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private redisKey(id: string) { return `${this.prefix}:wecom:action:${id}`; }

  /** `forceRef` stores even a short action (two buttons of one card may not share a key). */
  async encode(action: ActionPayload, forceRef = false): Promise<string> {
    const json = JSON.stringify({ intent: action.intent, args: action.args });
    if (!forceRef && Buffer.byteLength(json) <= MAX_KEY_BYTES) return json;
    const id = createHash('sha256').update(json).digest('base64url').slice(0, 24);
    await this.redis.set(this.redisKey(id), json, 'EX', TTL_SECONDS);
    return `${REF}${id}`;
  }

  /** The action a key stands for; undefined when it is malformed or its stored copy expired. */
  async decode(key: string): Promise<ActionPayload | undefined> {
    const json = key.startsWith(REF) ? await this.redis.get(this.redisKey(key.slice(REF.length))) : key;
    if (!json) return undefined;
    try {
      const parsed = actionPayloadSchema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
