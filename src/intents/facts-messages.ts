// What the bot says about facts it placed, could not place, or asks about (issue #11), in
// both languages. Its own table, like settings-messages.ts, so the shared one stays small.
import { translator, type MessageTable } from '../i18n/index.js';

const messages = {
  occurredAt: { zh: '时间', en: 'When' },
  otherDates: {
    zh: (p) => `另外提到的日期 ${p.dates} 不是跟进或签约时间，已原文记在内容里。`,
    en: (p) => `The other dates you mentioned (${p.dates}) are not a follow-up or a close date; they are kept in the note as written.`,
  },
  pastFollowUp: {
    zh: (p) => `${p.when} 已经过去了，没有设提醒。要提醒就再说一次，例如「明天上午10点跟进」。`,
    en: (p) => `${p.when} has already passed, so no reminder was set. To be reminded, say e.g. "follow up tomorrow at 10am".`,
  },
  askVague: {
    zh: (p) => `你说「${p.vague}」，具体什么时候提醒你跟进？点一个，或直接回复时间（例如「1月4号上午」）。`,
    en: (p) => `You said "${p.vague}" — when exactly should I remind you to follow up? Pick one, or reply with a time (e.g. "Jan 4 9am").`,
  },
  askToday: {
    zh: '今天什么时候提醒你再跟进？回复时间就行，例如「下午4点」。',
    en: 'When today should I remind you to follow up? Reply with a time, e.g. "4pm".',
  },
  in3days: { zh: '3天后', en: 'In 3 days' },
  nextMonday: { zh: '下周一', en: 'Next Monday' },
  noReminder: { zh: '不用提醒', en: 'No reminder' },
  noReminderDone: { zh: '好的，不设提醒。', en: 'OK, no reminder.' },
  contactFactsNoName: {
    zh: (p) => `${p.facts} 没有记下：不知道是哪位联系人的。请说「添加联系人 ${p.customer} 姓名 ${p.facts}」。`,
    en: (p) => `I didn't save ${p.facts}: I don't know whose it is. Say "add contact ${p.customer} <name> ${p.facts}".`,
  },
  askBackwards: {
    zh: (p) => `${p.customer} 的商机现在是「${p.from}」，要退回到「${p.to}」吗？`,
    en: (p) => `The ${p.customer} deal is at "${p.from}". Move it back to "${p.to}"?`,
  },
  confirmBackwards: { zh: (p) => `退回到「${p.to}」`, en: (p) => `Move back to "${p.to}"` },
  asNewDeal: { zh: '这是个新商机', en: "It's a new deal" },
  followUpsDone: {
    zh: (p) => (Number(p.n) > 1 ? `已完成 ${p.customer} 的 ${p.n} 个跟进提醒` : `已完成 ${p.customer} 的跟进提醒（${p.when}）`),
    en: (p) => (Number(p.n) > 1 ? `Marked ${p.n} follow-ups with ${p.customer} done` : `Marked the follow-up with ${p.customer} (${p.when}) done`),
  },
  followUpsLeft: { zh: (p) => `还有 ${p.n} 个以后的跟进提醒照常。`, en: (p) => `${p.n} later follow-up(s) stay as they are.` },
  noOpenFollowUp: { zh: (p) => `${p.customer} 没有待完成的跟进提醒。`, en: (p) => `No open follow-up with ${p.customer}.` },
  callbackScoreFixed: { zh: (p) => `已把 ${p.customer} 这次回访的评分从 ${p.from} 改为 ${p.to}/5`, en: (p) => `Changed the score of this callback with ${p.customer} from ${p.from} to ${p.to}/5` },
  callbackNowLow: { zh: '评分偏低，已提醒客户负责人和经理。', en: 'A low score: the owner and their manager are told.' },
  noCallbackToFix: { zh: '没有找到你刚记录的回访，请说「回访 客户名 3分」重新记录。', en: 'No callback of yours to correct; say "callback <customer> 3" to record one.' },
  settledLabel: { zh: '已完成的提醒', en: 'Settled' },
  followUpsSettled: { zh: (p) => `之前到期的 ${p.n} 个跟进提醒已标记完成`, en: (p) => `${p.n} follow-up reminder(s) that were due are marked done` },
  closeCleared: { zh: () => '预计签约日期已清空。', en: () => 'Expected close date cleared.' },
  followUpsStopped: { zh: (p) => `这单已输，已取消 ${p.n} 个待跟进提醒（点撤销可恢复）。`, en: (p) => `The deal is lost: ${p.n} pending follow-up reminder(s) cancelled (undo brings them back).` },
  newDealCreated: { zh: (p) => `已新增商机 · ${p.customer}（第 ${p.count} 个）`, en: (p) => `Added another deal with ${p.customer} (deal #${p.count})` },
  customerUpdated: { zh: (p) => `已更新客户 ${p.customer}`, en: (p) => `Updated customer ${p.customer}` },
  customerNothing: {
    zh: (p) => `要改 ${p.customer} 的什么？例如「${p.customer}的行业改成安防」或「${p.customer}改成A类客户」。`,
    en: (p) => `What should change for ${p.customer}? e.g. "${p.customer} industry is security" or "${p.customer} tier A".`,
  },
} satisfies MessageTable;

export const ft = translator(messages);
