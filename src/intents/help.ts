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
    return { text: `${title}\n${t(ctx.locale, 'help.body')}`, card: { title, buttons: shortcuts(ctx.locale) } };
  },
};

export const unknown: IntentHandler = {
  async handle(ctx) {
    return { text: t(ctx.locale, 'unknown.reply'), card: { buttons: shortcuts(ctx.locale) } };
  },
};
