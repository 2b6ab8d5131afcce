// First contact (issue #13): a greeting, the user opening the bot (WeCom enter_agent) or the bot
// added to a group or channel gets a short welcome with three example sentences and buttons.
// A greeting is always answered; an enter or an add welcomes each person or chat once — the
// mark lives in Redis without expiry (a Redis that lost its data may welcome once more). A person
// opening a direct chat the bot has already answered in is not welcomed either: they chatted before
// the mark existed (the bot's messages there are on record while housekeeping keeps them, 30 days).
import type { Redis } from 'ioredis';
import type { Address, Reply } from '../chat/index.js';
import type { Db } from '../db.js';
import { conversationOf } from '../delivery/turn.js';
import { t, type Locale } from '../i18n/index.js';
import { native } from '../i18n/native.js';

const GREETING = /^(你好|您好|嗨|哈喽|hi|hello|hey|hiya)[\s!！。.~～]*$/i;

export const isGreeting = (text: string): boolean => GREETING.test(text.trim());

export function welcome(locale: Locale): Reply {
  const title = native(locale, 'welcome.title');
  const buttons = [
    { label: t(locale, 'button.pipeline'), action: { intent: 'query_pipeline', args: { scope: 'me' } } },
    { label: t(locale, 'button.tasks'), action: { intent: 'query_tasks', args: { period: 'today' } } },
    { label: t(locale, 'button.help'), action: { intent: 'help', args: {} } },
  ];
  return { text: `${title}\n${native(locale, 'welcome.body')}`, card: { title, buttons } };
}

export class Welcomes {
  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly db: Db) {}

  /** True the first time a chat (a direct chat is one person) is welcomed, false ever after. */
  async first(address: Address): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}:welcomed:${conversationOf(address)}`, '1', 'NX')) === 'OK';
  }

  /** A person opening the bot or the bot added to a chat: true the first time, unless it is a
   * direct chat the bot has already written in (then marked, so it is asked once). */
  async firstEntry(address: Address): Promise<boolean> {
    if (!(await this.first(address))) return false;
    if (address.kind !== 'direct') return true;
    const said = await this.db.$queryRaw<unknown[]>`SELECT 1 FROM "Delivery" WHERE conversation = ${conversationOf(address)} LIMIT 1`;
    return said.length === 0;
  }
}
