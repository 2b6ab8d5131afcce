// What /设置 /settings says, in both languages.
import type { MessageKind } from '../domain/digest-settings.js';
import { translator, type MessageTable } from '../i18n/index.js';


export const KIND_NAMES: Record<MessageKind, { zh: string; en: string }> = {
  follow_up: { zh: '跟进', en: 'follow-up' }, stale_deal: { zh: '停滞', en: 'stale' }, callback: { zh: '回访', en: 'callback' },
  birthday: { zh: '生日', en: 'birthday' }, anniversary: { zh: '纪念日', en: 'anniversary' }, renewal: { zh: '续约', en: 'renewal' },
  digest: { zh: '日报', en: 'digest' }, weekly: { zh: '周报', en: 'weekly' },
};

const messages = {
  title: { zh: '我的设置', en: 'My settings' },
  digestTime: { zh: (p) => `${p.team} 日报时间`, en: (p) => `${p.team} digest time` },
  muted: { zh: '已静音', en: 'Muted' },
  summary: { zh: '个人日报', en: 'My daily summary' },
  on: { zh: '开', en: 'on' },
  off: { zh: '关', en: 'off' },
  none: { zh: '无', en: 'none' },
  mute: { zh: (p) => `静音 ${p.kind}`, en: (p) => `Mute ${p.kind}` },
  unmute: { zh: (p) => `取消静音 ${p.kind}`, en: (p) => `Unmute ${p.kind}` },
  summaryOn: { zh: '开启个人日报', en: 'Turn my daily summary on' },
  summaryOff: { zh: '关闭个人日报', en: 'Turn my daily summary off' },
  muted_done: { zh: (p) => `已静音：${p.kind}`, en: (p) => `Muted: ${p.kind}` },
  unmuted_done: { zh: (p) => `已取消静音：${p.kind}`, en: (p) => `Unmuted: ${p.kind}` },
  summary_done: { zh: (p) => `个人日报已${p.state}`, en: (p) => `Your daily summary is ${p.state}` },
  digest_done: { zh: (p) => `${p.teams} 的日报时间已改为 ${p.time}`, en: (p) => `Digest time for ${p.teams} is now ${p.time}` },
  managersOnly: { zh: '只有经理或管理员可以修改团队日报时间。', en: 'Only managers and admins can change the team digest time.' },
  noTeam: { zh: '你还没有负责的团队。', en: 'You do not manage a team.' },
  usage: {
    zh: (p) => `用法：/设置 日报 19:00 · /设置 静音 生日 · /设置 取消静音 生日 · /设置 个人日报 开|关 · /设置（查看）· /设置 公海（管理员：开|关、A 30、上限 5、冷却 7、成交 90|关、谈判豁免 开|关、预警 3,1）\n可静音：${p.kinds}`,
    en: (p) => `Usage: /settings digest 07:30 · /settings mute birthday · /settings unmute birthday · /settings summary on|off · /settings (show) · /settings pool (admins: on|off, A 30, limit 5, cooldown 7, nowin 90|off, exempt on|off, warn 3,1)\nKinds: ${p.kinds}`,
  },
} satisfies MessageTable;

export const st = translator(messages);
