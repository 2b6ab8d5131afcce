// First contact (issue #13): a greeting, the user opening the bot (WeCom enter_agent) or the bot
// added to a group or channel gets a short welcome with three example sentences and buttons.
// A greeting is always answered; an enter or an add welcomes each person or chat once — the
// mark lives in Redis without expiry (a Redis that lost its data may welcome once more).
import type { Redis } from 'ioredis';
import type { Address, Reply } from '../chat/index.js';
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
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  /** True the first time a chat (a direct chat is one person) is welcomed, false ever after. */
  async first(address: Address): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}:welcomed:${conversationOf(address)}`, '1', 'NX')) === 'OK';
  }
}
