// What the pool job says (issue #14), in both languages, to the owner it concerns.
import { translator, type MessageTable } from '../../src/i18n/index.js';

const messages = {
  'warning.text': {
    zh: (p) => `「${p.customer}」${p.idle}天没有跟进，${p.date}将退回公海`,
    en: (p) => `"${p.customer}": no follow-up for ${p.idle} days — returns to the pool on ${p.date}`,
  },
  'warning.log': { zh: '记录跟进', en: 'Log a follow-up' },
  'warning.keep': { zh: '申请保留', en: 'Ask to keep' },
  'recycled.title': { zh: (p) => `${p.count} 个客户已退回公海`, en: (p) => `${p.count} customer(s) returned to the pool` },
  'recycled.reason.no_follow_up': { zh: '长期未跟进', en: 'no follow-up' },
  'recycled.reason.no_win': { zh: '期限内未成交', en: 'no win in time' },
} satisfies MessageTable;

export const pt = translator(messages);
