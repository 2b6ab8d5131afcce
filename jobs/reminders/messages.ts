// What reminders, nudges, callback prompts and anniversary messages say, in both languages
// (same { zh, en } shape as src/i18n/messages.ts); each follows the recipient's User.locale.
import { translator, type MessageTable } from '../../src/i18n/index.js';


const messages = {
  'followUp.title': { zh: (p) => `跟进 ${p.who}`, en: (p) => `Follow up: ${p.who}` },
  'followUp.last': { zh: (p) => `上次: ${p.summary}, ${p.ago}`, en: (p) => `Last: ${p.summary}, ${p.ago}` },
  'followUp.note': { zh: '事项', en: 'To do' },
  'followUp.deal': { zh: '商机', en: 'Deal' },
  'followUp.due': { zh: '时间', en: 'Due' },
  'ago.today': { zh: '今天', en: 'today' },
  'ago.days': { zh: (p) => `${p.n}天前`, en: (p) => (p.n === 1 ? '1 day ago' : `${p.n} days ago`) },
  'button.done': { zh: '完成', en: 'Done' },
  'button.snooze1h': { zh: '1小时后', en: 'In 1 hour' },
  'button.snoozeTomorrow': { zh: '明天9点', en: 'Tomorrow 9:00' },
  'button.snoozeMonday': { zh: '下周一', en: 'Next Monday' },
  'button.reschedule': { zh: '改时间', en: 'Reschedule' },
  'button.in2days': { zh: '后天9点', en: 'In 2 days, 9:00' },
  'button.in3days': { zh: '3天后9点', en: 'In 3 days, 9:00' },
  'button.nextWeek': { zh: '一周后', en: 'In a week' },
  'reminder.done': {
    zh: (p) => `已完成 · ${p.customer}。结果如何？用一句话告诉我，我记为一条跟进（例如「给${p.customer}打了电话，对方同意下周签约」）`,
    en: (p) => `Done · ${p.customer}. How did it go? Tell me in one line and I'll log it (e.g. "Called ${p.customer}, they agreed to sign next week").`,
  },
  'reminder.moved': { zh: (p) => `好的，${p.when} 再提醒你跟进 ${p.customer}`, en: (p) => `OK, I'll remind you about ${p.customer} on ${p.when}` },
  'reminder.askWhen': { zh: (p) => `跟进 ${p.customer} 改到什么时候？`, en: (p) => `When should I remind you about ${p.customer}?` },
  'reminder.gone': {
    zh: '这条提醒已经不在了（已完成、已取消或已撤销），什么都没有改。',
    en: 'That reminder is no longer open (done, cancelled or undone); nothing was changed.',
  },
  'stale.title': { zh: (p) => `这些商机该跟进了（${p.count}个）`, en: (p) => `Deals that need attention (${p.count})` },
  'stale.idle': { zh: (p) => `${p.days}天没有跟进`, en: (p) => `no activity for ${p.days} days` },
  'stale.noAmount': { zh: '缺少金额', en: 'no amount' },
  'stale.noClose': { zh: '缺少预计签约日期', en: 'no expected close date' },
  'callback.won': {
    zh: (p) => `回访 ${p.customer}：「${p.deal}」签约 ${p.days} 天，问问使用情况`,
    en: (p) => `Call ${p.customer}: "${p.deal}" was won ${p.days} days ago — check how it is going`,
  },
  'callback.tier': {
    zh: (p) => `定期满意度回访 ${p.customer}（${p.tier}类客户，${p.last}）`,
    en: (p) => `Satisfaction callback: ${p.customer} (tier ${p.tier}, ${p.last})`,
  },
  'callback.lastAt': { zh: (p) => `上次回访 ${p.date}`, en: (p) => `last call ${p.date}` },
  'callback.never': { zh: '还没有回访过', en: 'never called' },
  'callback.renewal': {
    zh: (p) => `续约回访 ${p.customer}：合同 ${p.date} 到期（还有 ${p.days} 天）`,
    en: (p) => `Renewal callback: ${p.customer}'s contract ends ${p.date} (${p.days} days)`,
  },
  'callback.howSatisfied': { zh: '回访后点一下客户满意度（1 很不满意 — 5 很满意）', en: 'After the call, tap the satisfaction score (1 very unhappy — 5 very happy)' },
  'callback.scored': {
    zh: (p) => `已记录回访 · ${p.customer}，满意度 ${p.score}/5${p.alerted ? '，已通知客户负责人和主管' : ''}`,
    en: (p) => `Recorded the callback with ${p.customer}: ${p.score}/5${p.alerted ? '; the account owner and their manager were alerted' : ''}`,
  },
  'callback.summary': { zh: (p) => `${p.category}：满意度 ${p.score}/5`, en: (p) => `${p.category}: satisfaction ${p.score}/5` },
  'callback.alert': {
    zh: (p) => `⚠️ ${p.customer} 回访满意度只有 ${p.score}/5（${p.category}，${p.by}回访），请尽快联系客户`,
    en: (p) => `⚠️ ${p.customer} scored ${p.score}/5 on a callback (${p.category}, by ${p.by}); please get in touch soon`,
  },
  'callback.complaintAlert': {
    zh: (p) => `⚠️ ${p.customer} 回访中有投诉（${p.category}，${p.by}回访），请尽快联系客户`,
    en: (p) => `⚠️ ${p.customer} raised a complaint on a callback (${p.category}, by ${p.by}); please get in touch soon`,
  },
  'birthday.ahead': {
    zh: (p) => `🎂 ${p.customer} · ${p.contact} ${p.days}天后（${p.date}）过生日`,
    en: (p) => `🎂 ${p.contact} (${p.customer}) has a birthday in ${p.days} days (${p.date})`,
  },
  'birthday.past': {
    zh: (p) => `🎂 ${p.customer} · ${p.contact} ${p.date}过了生日，可以补一句祝福`,
    en: (p) => `🎂 ${p.contact} (${p.customer}) had a birthday on ${p.date}; a belated note is still welcome`,
  },
  'birthday.today': { zh: (p) => `🎂 今天是 ${p.customer} · ${p.contact} 的生日`, en: (p) => `🎂 It's ${p.contact}'s birthday today (${p.customer})` },
  'birthday.suggest': {
    zh: (p) => `${p.contact}，生日快乐！感谢您一直以来的支持，祝您身体健康、工作顺利！`,
    en: (p) => `Happy birthday, ${p.contact}! Thank you for all your support — wishing you a great year ahead.`,
  },
  'anniversary.today': {
    zh: (p) => `🎉 今天是与 ${p.customer} 签约 ${p.years} 周年`,
    en: (p) => `🎉 Today is the ${p.years}-year anniversary of signing ${p.customer}`,
  },
  'anniversary.suggest': {
    zh: (p) => `感谢${p.customer}一直以来的信任与合作！签约${p.years}周年之际，期待继续携手，共创佳绩。`,
    en: (p) => `Thank you, ${p.customer}, for ${p.years} year(s) of trust and partnership — here's to the next one!`,
  },
  'renewal.title': {
    zh: (p) => `📅 ${p.customer} 的合同将于 ${p.date} 到期（还有 ${p.days} 天）`,
    en: (p) => `📅 ${p.customer}'s contract ends on ${p.date} (${p.days} days)`,
  },
  'renewal.suggest': {
    zh: (p) => `${p.contact}您好，我们的合作合同将于${p.date}到期，想约您聊聊续约安排，以及明年怎样更好地支持贵司。`,
    en: (p) => `Hi ${p.contact}, our contract ends on ${p.date}. Could we set up a short call about renewal and how we can support you next year?`,
  },
  'field.suggestion': { zh: '建议话术', en: 'Suggested message' },
} satisfies MessageTable;

export type JobMessageKey = keyof typeof messages;

export const tr = translator(messages);
