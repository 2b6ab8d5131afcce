// What the public pool's (公海, issue #14) chat intents say, in both languages.
import { translator, type MessageTable } from '../i18n/index.js';

const messages = {
  listTitle: { zh: (p) => `公海${p.filter ? `里的${p.filter}` : ''}客户（${p.count}）`, en: (p) => `Pool customers${p.filter ? ` (${p.filter})` : ''}: ${p.count}` },
  listEmpty: {
    zh: (p) => `公海里${p.filter ? `没有${p.filter}客户` : '现在没有客户'}。`,
    en: (p) => (p.filter ? `No ${p.filter} customers in the pool.` : 'The pool is empty right now.'),
  },
  listMore: { zh: (p) => `…还有 ${p.n} 个`, en: (p) => `…and ${p.n} more` },
  pooledFor: { zh: (p) => `入公海${p.days}天`, en: (p) => `pooled ${p.days} d` },
  claimButton: { zh: (p) => `领取 ${p.name}`, en: (p) => `Claim ${p.name}` },
  tierFilter: { zh: (p) => `${p.tier}类`, en: (p) => `tier ${p.tier}` },
  claimed: {
    zh: (p) => `已领取「${p.name}」，现在是你的客户。今天还可以领取 ${p.left} 个。`,
    en: (p) => `Claimed "${p.name}": it is your customer now. ${p.left} more claim(s) left today.`,
  },
  limit: {
    zh: (p) => `今天已领取 ${p.limit} 个公海客户，达到每日上限，明天再来领取吧。`,
    en: (p) => `You have claimed ${p.limit} pool customers today, the daily limit. Try again tomorrow.`,
  },
  cooldown: {
    zh: (p) => `「${p.name}」是从你名下退回公海的，${p.until}起才能重新领取。`,
    en: (p) => `"${p.name}" went to the pool from you; you can claim it back from ${p.until}.`,
  },
  notPooled: { zh: (p) => `「${p.name}」不在公海里，不能领取。`, en: (p) => `"${p.name}" is not in the pool, so it cannot be claimed.` },
  notFound: {
    zh: (p) => `公海里没有找到「${p.name}」。说「公海里有哪些客户」看看有哪些。`,
    en: (p) => `No "${p.name}" in the pool. Say "pool customers" to see what is there.`,
  },
  whichOne: { zh: (p) => `公海里有几个「${p.name}」，领取哪一个？`, en: (p) => `Several pool customers match "${p.name}". Which one?` },
  missingName: { zh: '领取哪个客户？例如「领取 美团」。', en: 'Which customer? For example "claim Meituan".' },
  missingRelease: { zh: '把哪个客户退回公海？例如「把美团退回公海」。', en: 'Which customer? For example "return Meituan to the pool".' },
  careNoClaim: { zh: '客服不能领取公海客户。', en: 'Customer care cannot claim pool customers.' },
  released: {
    zh: (p) => `已把「${p.name}」退回公海，相关提醒已取消。`, en: (p) => `"${p.name}" is back in the pool; its reminders are cancelled.`,
  },
  alreadyPooled: { zh: (p) => `「${p.name}」已经在公海里了。`, en: (p) => `"${p.name}" is already in the pool.` },
  notOwner: { zh: (p) => `「${p.name}」不是你的客户，只有负责人或其经理能退回公海。`, en: (p) => `"${p.name}" is not yours; only its owner or their manager can return it.` },
  keepAsked: {
    zh: (p) => `已申请保留「${p.name}」，等经理批准；批准前不会退回公海。`,
    en: (p) => `Asked to keep "${p.name}". It stays yours while your manager decides.`,
  },
  keepPending: { zh: (p) => `「${p.name}」的保留申请已经提交过了，等经理批准。`, en: (p) => `A request to keep "${p.name}" is already waiting for your manager.` },
  kept: { zh: (p) => `已保留「${p.name}」，重新开始计时。`, en: (p) => `Kept "${p.name}": its clock starts again.` },
  keepRejected: { zh: (p) => `已拒绝保留「${p.name}」。`, en: (p) => `Declined keeping "${p.name}".` },
  requestGone: { zh: '这个申请已经处理过了。', en: 'This request has already been decided.' },
  keepRequestTitle: { zh: (p) => `${p.who}申请保留「${p.name}」（即将退回公海）`, en: (p) => `${p.who} asks to keep "${p.name}" (about to return to the pool)` },
  approve: { zh: '批准保留', en: 'Approve' },
  reject: { zh: '不批准', en: 'Decline' },
} satisfies MessageTable;

export const pl = translator(messages);
