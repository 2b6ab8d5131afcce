// What targets, attainment, the leaderboard and the forecast say (issue #15), in both languages.
import { translator, type MessageTable } from '../i18n/index.js';

const messages = {
  collected: { zh: '回款', en: 'Collected' },
  stretch: { zh: '挑战目标', en: 'Stretch' },
  attainmentBasis: { zh: (p) => `完成率（按${p.basis}）`, en: (p) => `Attainment (${p.basis})` },
  basis_won: { zh: '赢单', en: 'won' },
  basis_collected: { zh: '回款', en: 'collected' },
  vsStretch: { zh: (p) => `挑战 ${p.pct}`, en: (p) => `stretch ${p.pct}` },
  // Setting targets.
  onlyManagers: {
    zh: '目标由经理或管理员设定。你可以问「我的业绩」看自己的目标完成情况。',
    en: 'Targets are set by managers and admins. Ask "my KPI" to see how you are doing against yours.',
  },
  usage: {
    zh: '没看懂要设的目标。可以这样说：「今年团队目标3000万，按季度 2:3:2:3 分」「12月给张伟定250万」「明年每人每季度200万 挑战目标250万」「团队Q1目标1000万 张伟40% 李娜60%」。',
    en: 'I could not read that target. Try: "team target 30M this year, split 2:3:2:3 by quarter", "Q1 each rep 500k", "set Zhang Wei 2.5M for December".',
  },
  noTeam: { zh: '你还没有带团队，无法设团队目标。可以给具体的人设，例如「12月给张伟定250万」。', en: 'You lead no team yet. Set a person\'s target instead, e.g. "set Zhang Wei 2.5M for December".' },
  manyTeams: {
    zh: '有多个团队：请由各团队经理设团队目标，或给具体的人设，例如「12月给张伟定250万」。',
    en: 'There are several teams: let each team\'s manager set its target, or name a person, e.g. "set Zhang Wei 2.5M for December".',
  },
  noReps: { zh: '团队里还没有销售，目标无法分到人。', en: 'The team has no reps yet to share the target among.' },
  notInTeam: { zh: (p) => `${p.name}不在你的团队里，无法给他/她设目标。`, en: (p) => `${p.name} is not in your team, so you cannot set their target.` },
  sharesBad: {
    zh: (p) => `各人份额加起来是 ${p.sum}%，应为 100%。例如「张伟40% 李娜60%」。`,
    en: (p) => `The shares add up to ${p.sum}%, not 100%. E.g. "Zhang Wei 40% Li Na 60%".`,
  },
  ratiosBad: {
    zh: (p) => `比例要有 ${p.n} 个数（${p.what}），例如「按季度 2:3:2:3 分」。`,
    en: (p) => `The ratios need ${p.n} numbers (${p.what}), e.g. "split 2:3:2:3 by quarter".`,
  },
  quarters: { zh: '每季度一个', en: 'one per quarter' },
  months: { zh: '每月一个', en: 'one per month' },
  previewTitle: { zh: (p) => `目标分解 · ${p.period}（单位：万）`, en: (p) => `Target breakdown · ${p.period} (in 10k)` },
  previewStretch: { zh: '每格为 基础/挑战。', en: 'Each cell: base/stretch.' },
  confirmAsk: { zh: '确认保存以上目标吗？', en: 'Save these targets?' },
  confirm: { zh: '确认', en: 'Confirm' },
  saved: { zh: (p) => `已保存目标 · ${p.period}（${p.n} 条）`, en: (p) => `Targets saved · ${p.period} (${p.n} rows)` },
  teamColumn: { zh: '团队', en: 'Team' },
  year: { zh: (p) => `${p.y}年`, en: (p) => `${p.y}` },
  quarter: { zh: (p) => `${p.y}年Q${p.q}`, en: (p) => `Q${p.q} ${p.y}` },
  month: { zh: (p) => `${p.m}月`, en: (p) => `${p.y}-${p.m}` },
  // The forecast.
  forecastTitle: { zh: (p) => `${p.scope}${p.period}预测`, en: (p) => `${p.scope} forecast ${p.period}` },
  fcWon: { zh: '已赢单', en: 'Won so far' },
  fcCommit: { zh: (p) => `承诺（${p.n}单）`, en: (p) => `Commit (${p.n} deals)` },
  fcWeighted: { zh: (p) => `加权管道（${p.n}单，预计本期签）`, en: (p) => `Weighted pipeline (${p.n} deals closing)` },
  fcExpected: { zh: '预计完成（赢单+加权）', en: 'Expected (won + weighted)' },
  fcGap: { zh: '缺口（目标−赢单−承诺）', en: 'Gap (target − won − commit)' },
  fcOver: { zh: (p) => `已超目标 ${p.amount}`, en: (p) => `over target by ${p.amount}` },
  fcLine: {
    zh: (p) => `${p.period}预测：赢单 ${p.won} + 承诺 ${p.commit}，加权管道 ${p.weighted}，目标 ${p.target}，缺口 ${p.gap}`,
    en: (p) => `Forecast ${p.period}: won ${p.won} + commit ${p.commit}, weighted pipeline ${p.weighted}, target ${p.target}, gap ${p.gap}`,
  },
  // Commit.
  committed: {
    zh: (p) => `已标记有把握：${p.customer} · ${p.deal}，计入预计签约当期（${p.close}）的承诺。`,
    en: (p) => `Marked as commit: ${p.customer} · ${p.deal}; it counts in the forecast for its close (${p.close}).`,
  },
  committedNoClose: {
    zh: (p) => `已标记有把握：${p.customer} · ${p.deal}。还没有预计签约日期，预测里不会计入；可以说「${p.customer}预计月底签」补上。`,
    en: (p) => `Marked as commit: ${p.customer} · ${p.deal}. It has no expected close date, so no forecast counts it yet; say "${p.customer} closing end of month" to add one.`,
  },
  uncommitted: { zh: (p) => `已取消把握标记：${p.customer} · ${p.deal}。`, en: (p) => `Taken out of commit: ${p.customer} · ${p.deal}.` },
  noOpenDeal: { zh: (p) => `${p.customer} 没有进行中的商机可标记。`, en: (p) => `${p.customer} has no open deal to mark.` },
  commitButton: { zh: '有把握（计入承诺）', en: 'Commit' },
  uncommitButton: { zh: '取消把握', en: 'Take out of commit' },
  // The leaderboard.
  attainmentShort: { zh: '完成率', en: 'attainment' },
  newCustomers: { zh: '新客户', en: 'new customers' },
  measure_won: { zh: '赢单金额', en: 'won amount' },
  measure_collected: { zh: '回款', en: 'collected' },
  measure_activities: { zh: '跟进次数', en: 'activities' },
  measure_follow_ups: { zh: '跟进次数', en: 'activities' },
  measure_followUps: { zh: '完成的提醒', en: 'reminders done' },
  tie: {
    zh: (p) => `${p.names} 同为 ${p.value}，并列第${p.rank}，按${p.breaker}排先后`,
    en: (p) => `${p.names} tie at ${p.value} (rank ${p.rank}); ${p.breaker} orders them`,
  },
  tieLabel: { zh: '并列', en: 'Tie' },
  // Settings.
  basisAdminsOnly: { zh: '只有管理员可以修改完成率口径。', en: 'Only admins can change what attainment counts.' },
  basisSet: { zh: (p) => `完成率改为按${p.basis}计算。`, en: (p) => `Attainment now counts ${p.basis}.` },
  leaderboardManagersOnly: { zh: '只有经理或管理员可以开关日报排行榜。', en: 'Only managers and admins can turn the digest leaderboard on or off.' },
  leaderboardOn: { zh: (p) => `${p.teams} 的日报和周报将带排行榜。`, en: (p) => `The daily and weekly digests of ${p.teams} now include the leaderboard.` },
  leaderboardOff: { zh: (p) => `${p.teams} 的日报和周报不再带排行榜。`, en: (p) => `The digests of ${p.teams} no longer include the leaderboard.` },
  // The digests.
  thisMonth: { zh: '本月', en: 'this month' },
  boardMonth: { zh: '本月排行榜（按赢单）：', en: 'Leaderboard this month (by won):' },
  boardWeek: { zh: '上周排行榜（按赢单）：', en: 'Leaderboard last week (by won):' },
  boardLine: {
    zh: (p) => `赢单 ${p.won} · 回款 ${p.collected} · 完成率 ${p.pct} · 跟进 ${p.activities} · 新客户 ${p.customers}`,
    en: (p) => `won ${p.won} · collected ${p.collected} · attainment ${p.pct} · ${p.activities} activities · ${p.customers} new customers`,
  },
  boardTies: { zh: '同额同名次，并列者按回款排先后。', en: 'The same won amount is the same rank; collected orders the tied.' },
  readTitle: { zh: (p) => `${p.who}${p.period}的目标`, en: (p) => `${p.who} target for ${p.period}` },
  readNone: { zh: (p) => `${p.who}${p.period}还没有设目标。经理可以说「${p.example}」来设。`, en: (p) => `No target set for ${p.who} for ${p.period}. A manager can say "${p.example}".` },
  readStretch: { zh: (p) => `挑战目标 ${p.amount}`, en: (p) => `stretch ${p.amount}` },
  readTotal: { zh: '合计', en: 'Total' },
  readMine: { zh: '我', en: 'My' },
  readTeam: { zh: '团队', en: 'Team' },
} satisfies MessageTable;

export type TargetMessage = keyof typeof messages;
export const gt = translator(messages);
