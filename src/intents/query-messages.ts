// What the queries about a person, a period or a list say (issue #11), in both languages.
import { translator, type MessageTable } from '../i18n/index.js';

const messages = {
  subjectScope: { zh: (p) => `${p.name}的`, en: (p) => `${p.name}'s` },
  notVisible: {
    zh: (p) => `抱歉，${p.name}的数据只有其经理和管理员能看。可以问你自己的，例如「我的业绩」「我的漏斗」。`,
    en: (p) => `Sorry, ${p.name}'s numbers are for their manager and admins. You can ask about your own, e.g. "my KPI" or "my pipeline".`,
  },
  noSuchPerson: {
    zh: (p) => `没有找到同事「${p.name}」。请用同事的姓名再问一次，例如「张伟的漏斗」。`,
    en: (p) => `I couldn't find a colleague called "${p.name}". Ask again with their name, e.g. "Zhang Wei's pipeline".`,
  },
  rankOnlyManagers: {
    zh: '排名只有经理和管理员能看，下面是你自己的业绩。', en: 'The ranking is for managers and admins; here are your own numbers.',
  },
  rankTitle: { zh: (p) => `${p.period}${p.by}排名`, en: (p) => `Ranking by ${p.by}, ${p.period}` },
  rankBy_won: { zh: '业绩', en: 'won amount' },
  rankBy_activities: { zh: '跟进次数', en: 'activities' },
  rankBy_follow_ups: { zh: '跟进', en: 'follow-ups' },
  remindersDone: { zh: '完成的提醒', en: 'reminders done' },
  rankEmpty: { zh: '你的团队里还没有成员。', en: 'There is no one in your team yet.' },
  tasksTitle: { zh: (p) => `${p.who}${p.period}待办`, en: (p) => (p.who ? `${p.who} to-do ${p.period}` : `To do ${p.period}`) },
  callbacksTitle: { zh: (p) => `${p.who}${p.period}要回访的客户`, en: (p) => (p.who ? `${p.who} callbacks due ${p.period}` : `Callbacks due ${p.period}`) },
  overdueTitle: { zh: (p) => `${p.who}逾期未跟进`, en: (p) => (p.who ? `${p.who} overdue follow-ups` : 'Overdue follow-ups') },
  doneTitle: { zh: (p) => `${p.who}${p.period}跟进过的客户`, en: (p) => (p.who ? `Customers ${p.who} worked on ${p.period}` : `Customers worked on ${p.period}`) },
  renewalsTitle: { zh: (p) => `${p.who}${p.period}合同到期要续约的客户`, en: (p) => (p.who ? `${p.who} renewals due ${p.period}` : `Renewals due ${p.period}`) },
  doneCount: { zh: (p) => `${p.customers} 个客户，${p.activities} 次跟进`, en: (p) => `${p.customers} customers, ${p.activities} activities` },
  tasksEmpty: { zh: (p) => `${p.title}：没有。`, en: (p) => `${p.title}: none.` },
  collaborating: { zh: () => '协作', en: () => 'collaborating' },
  customersTitle: { zh: (p) => `${p.who}客户（${p.count}）`, en: (p) => `${p.who} customers (${p.count})` },
  customersEmpty: {
    zh: '还没有客户。说「新客户 宁德时代 新能源 A类」来添加。', en: 'No customers yet. Say "new customer Stark Industries, manufacturing, tier A" to add one.',
  },
  openDealsTitle: { zh: (p) => `${p.who}进行中的商机（${p.count}）`, en: (p) => `${p.who} open deals (${p.count})` },
  openDealsEmpty: { zh: (p) => `${p.who}没有进行中的商机。`, en: (p) => `${p.who} no open deals.` },
  openDealsMineEmpty: { zh: '你名下没有进行中的商机，下面是团队的。', en: 'You have no open deals of your own; here are the team\'s.' },
  stageDealsTitle: { zh: (p) => `${p.who}${p.stage}阶段的商机（${p.count}）`, en: (p) => `${p.who} deals at ${p.stage} (${p.count})` },
  callbacksReviewTitle: { zh: (p) => `${p.period}的回访`, en: (p) => `Callbacks ${p.period}` },
  callbacksReviewEmpty: { zh: (p) => `${p.period}还没有回访记录。`, en: (p) => `No callbacks recorded ${p.period}.` },
  callbacksReviewSummary: {
    zh: (p) => `回访 ${p.count} 次（${p.customers} 家客户），平均 ${p.average} 分；低分或投诉 ${p.flagged} 条${p.all ? '；全部见下' : Number(p.flagged) ? '，见下' : ''}`,
    en: (p) => `${p.count} callbacks (${p.customers} customers), average ${p.average}; ${p.flagged} low score(s) or complaint(s)${p.all ? '; all listed below' : Number(p.flagged) ? ', listed below' : ''}`,
  },
  tasksMore: {
    zh: (p) => `另有 ${p.n} 条没有列出（按时间先后只列前 20 条）。可以按天问，比如「周五要跟进谁」。`,
    en: (p) => `${p.n} more not listed (the first 20 by time are shown). Ask for one day, e.g. "who to follow up on Friday".`,
  },
  closingTitle: { zh: (p) => `${p.who}${p.period}预计签约的商机（${p.count}）`, en: (p) => `${p.who} deals expected to close ${p.period} (${p.count})` },
  closingEmpty: {
    zh: (p) => `${p.who}商机里没有预计${p.period}签约的。给商机写上预计签约日期（如「比亚迪那单预计下月底签」），就会出现在这里。`,
    en: (p) => `${p.who} deals: none expected to close ${p.period}. Give a deal its close date ("Acme expected to close end of next month") and it shows here.`,
  },
  pipelineMineEmpty: { zh: '你名下没有进行中的商机，下面是团队的。', en: 'You have no open deals yourself; here is the team\'s pipeline.' },
  closingMineEmpty: {
    zh: (p) => `你名下没有预计${p.period}签约的商机，下面是团队的。`, en: (p) => `You have no deals expected to close ${p.period} yourself; here are the team's.`,
  },
  stageDealsEmpty: {
    zh: (p) => `${p.who}商机里目前没有${p.stage}阶段的。问「${p.who}漏斗」可以看各阶段的汇总。`,
    en: (p) => `${p.who} deals: none at ${p.stage} right now. Ask "pipeline" for every stage.`,
  },
  stageDealsMineEmpty: {
    zh: (p) => `你名下没有${p.stage}阶段的商机，下面是团队的。`, en: (p) => `You have no deals at ${p.stage} yourself; here are the team's.`,
  },
  idleTitle: { zh: (p) => `${p.who}超过 ${p.days} 天没有跟进的商机（${p.count}）`, en: (p) => `${p.who} deals with no activity for ${p.days}+ days (${p.count})` },
  staleTitle: { zh: (p) => `${p.who}停滞的商机（${p.count}）`, en: (p) => `${p.who} stalled deals (${p.count})` },
  idleEmpty: { zh: (p) => `${p.who}商机里没有超过 ${p.days} 天没跟进的。`, en: (p) => `${p.who} deals: none has gone ${p.days}+ days without activity.` },
  staleEmpty: { zh: (p) => `${p.who}商机里没有停滞的（按团队各阶段的停滞天数）。`, en: (p) => `${p.who} deals: none stalled (by the team's days per stage).` },
  idleMineEmpty: { zh: '你自己名下没有这样的商机，下面是团队的：', en: 'None of your own deals; here are the team\'s:' },
  idleFor: { zh: (p) => `${p.days} 天未跟进`, en: (p) => `idle ${p.days} days` },
  customersMore: { zh: (p) => `……还有 ${p.n} 个`, en: (p) => `… and ${p.n} more` },
  contactLeft: { zh: '（已离职）', en: ' (left)' },
  contactsTitle: { zh: (p) => `${p.customer} 的联系人`, en: (p) => `Contacts at ${p.customer}` },
  contactsEmpty: {
    zh: (p) => `${p.customer} 还没有联系人。可以说「添加联系人 ${p.customer} 王伟 采购总监 13800138000」。`,
    en: (p) => `No contacts at ${p.customer} yet. Say "add contact ${p.customer} John Smith CTO 13800138000".`,
  },
  me: { zh: '我的', en: 'My' },
  team: { zh: '团队', en: 'Team' },
  'offset.today.-1': { zh: '昨天', en: 'yesterday' },
  'offset.today.1': { zh: '明天', en: 'tomorrow' },
  'offset.week.-1': { zh: '上周', en: 'last week' },
  'offset.week.1': { zh: '下周', en: 'next week' },
  'offset.month.-1': { zh: '上个月', en: 'last month' },
  'offset.month.1': { zh: '下个月', en: 'next month' },
  'offset.quarter.-1': { zh: '上季度', en: 'last quarter' },
  'offset.quarter.1': { zh: '下季度', en: 'next quarter' },
  'offset.year.-1': { zh: '去年', en: 'last year' },
  'offset.year.1': { zh: '明年', en: 'next year' },
} satisfies MessageTable;

export type QueryMessage = keyof typeof messages;
export const qt = translator(messages);
