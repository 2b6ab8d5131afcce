import type { Button } from '../chat/index.js';
import { t, type Locale } from '../i18n/index.js';
import type { IntentHandler } from './types.js';

function shortcuts(locale: Locale): Button[] {
  return [
    { label: t(locale, 'button.pipeline'), action: { intent: 'query_pipeline', args: { scope: 'me' } } },
    { label: t(locale, 'button.tasks'), action: { intent: 'query_tasks', args: { period: 'today' } } },
    { label: t(locale, 'button.kpi'), action: { intent: 'query_kpi', args: { period: 'month' } } },
  ];
}

export const help: IntentHandler = {
  async handle(ctx) {
    const title = t(ctx.locale, 'help.title');
    // What each role does most gets its own examples (care records callbacks; a manager asks about the team).
    const { role } = ctx.actor;
    const more = [
      t(ctx.locale, 'help.fixes'),
      ...(role === 'manager' || role === 'admin' ? [t(ctx.locale, 'help.manager')] : []),
      ...(role === 'care' || role === 'admin' ? [t(ctx.locale, 'help.care')] : []),
    ];
    return { text: [title, t(ctx.locale, 'help.body'), ...more].join('\n'), card: { title, buttons: shortcuts(ctx.locale) } };
  },
};

// "谢了", "多谢啦", "thanks!" and "你好", "hi": said to the bot as to a person, answered as a person would.
const THANKS = /^(?:谢|多谢|感谢|辛苦|thanks|thank you|thx|ty\b|cheers)/i;
const HELLO = /^(?:你好|您好|嗨|哈喽|早上好|下午好|晚上好|早安|早|hi|hello|hey|good (?:morning|afternoon|evening))(?:[\s,，!！~～。.]|$)/i;

export const unknown: IntentHandler = {
  async handle(ctx, args) {
    const said = (args.summary ?? '').trim();
    const key = THANKS.test(said) ? 'unknown.thanks' : HELLO.test(said) ? 'unknown.hello' : 'unknown.reply';
    return { text: t(ctx.locale, key), card: { buttons: shortcuts(ctx.locale) } };
  },
};
