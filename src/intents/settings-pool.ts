// `/设置 公海 …` `/settings pool …` (issue #14): anyone sees the tenant's pool rules; admins
// change them — the same rules as the admin API's /tenants/{id}/pool (src/domain/pool-rules.ts).
//   /设置 公海            show          /设置 公海 开|关              enabled
//   /设置 公海 A 30       days per tier (A/B/C, 未分级 untiered)
//   /设置 公海 上限 5     daily claims  /设置 公海 冷却 7              cool-down days
//   /设置 公海 成交 90|关 no-win days   /设置 公海 谈判豁免 开|关      negotiation exemption
//   /设置 公海 预警 3,1   warning days
import type { Reply } from '../chat/index.js';
import { poolRules, poolRulesChange, withPoolRules, type PoolRules, type PoolRulesChange } from '../domain/pool-rules.js';
import type { Locale } from '../i18n/index.js';
import { translator, type MessageTable } from '../i18n/index.js';
import type { IntentContext } from './types.js';

export const POOL_WORDS = new Set(['公海', '公海池', 'pool']);
const SWITCH: Record<string, boolean> = { 开: true, 开启: true, 打开: true, on: true, 关: false, 关闭: false, off: false };
const TIERS: Record<string, 'A' | 'B' | 'C' | 'untiered'> = { a: 'A', a类: 'A', b: 'B', b类: 'B', c: 'C', c类: 'C', 未分级: 'untiered', 无等级: 'untiered', untiered: 'untiered' };
const FIELDS: Record<string, 'dailyClaimLimit' | 'reclaimCooldownDays' | 'noWinDays' | 'exemptNegotiation' | 'warningDays'> = {
  上限: 'dailyClaimLimit', 领取上限: 'dailyClaimLimit', limit: 'dailyClaimLimit',
  冷却: 'reclaimCooldownDays', 冷却期: 'reclaimCooldownDays', cooldown: 'reclaimCooldownDays',
  成交: 'noWinDays', 成交期限: 'noWinDays', nowin: 'noWinDays', 'no-win': 'noWinDays',
  谈判豁免: 'exemptNegotiation', 豁免: 'exemptNegotiation', exempt: 'exemptNegotiation',
  预警: 'warningDays', 提醒: 'warningDays', warn: 'warningDays', warning: 'warningDays',
};

const num = (v: string | undefined) => (v !== undefined && /^\d{1,4}$/.test(v) ? Number(v) : undefined);

/** The words after 公海 → a change (undefined: show the rules; null: not understood). */
export function parsePoolWords(words: string[]): PoolRulesChange | undefined | null {
  const [key, value, ...extra] = words.map((w) => w.toLowerCase());
  if (!key) return undefined;
  if (extra.length) return null;
  let change: unknown = null;
  if (value === undefined && key in SWITCH) change = { enabled: SWITCH[key] };
  else if (key in TIERS) change = { days: { [TIERS[key]!]: num(value) } };
  else if (FIELDS[key] === 'exemptNegotiation') change = { exemptNegotiation: value === undefined ? undefined : SWITCH[value] };
  else if (FIELDS[key] === 'noWinDays') change = { noWinDays: value !== undefined && SWITCH[value] === false ? null : num(value) };
  else if (FIELDS[key] === 'warningDays') change = { warningDays: value?.split(/[,，、]/).map(Number) };
  else if (FIELDS[key]) change = { [FIELDS[key]]: num(value) };
  const parsed = poolRulesChange.safeParse(change);
  return parsed.success && Object.values(parsed.data).every((v) => v !== undefined) && JSON.stringify(parsed.data) !== '{}' && !JSON.stringify(parsed.data).includes('{}') ? parsed.data : null;
}

const messages = {
  title: { zh: '公海规则', en: 'Pool rules' },
  enabled: { zh: '公海', en: 'Pool' },
  on: { zh: '开', en: 'on' },
  off: { zh: '关', en: 'off' },
  days: { zh: '未跟进天数', en: 'Days without follow-up' },
  noWin: { zh: '分配后未成交天数', en: 'Days after assignment without a win' },
  none: { zh: '不限', en: 'none' },
  exempt: { zh: '商务谈判中不回收', en: 'Negotiation exempt' },
  limit: { zh: '每人每天领取上限', en: 'Daily claims per rep' },
  cooldown: { zh: '原负责人冷却天数', en: 'Cool-down for the previous owner (days)' },
  warn: { zh: '提前预警（天）', en: 'Warnings (days before)' },
  adminsOnly: { zh: '只有管理员可以修改公海规则。', en: 'Only admins can change the pool rules.' },
  saved: { zh: '已更新公海规则。', en: 'Pool rules updated.' },
} satisfies MessageTable;
const pt = translator(messages);

function rulesReply(locale: Locale, rules: PoolRules, head?: string): Reply {
  const onOff = (b: boolean) => pt(locale, b ? 'on' : 'off');
  const { A, B, C, untiered } = rules.days;
  const fields = [
    { label: pt(locale, 'enabled'), value: onOff(rules.enabled) },
    { label: pt(locale, 'days'), value: `A ${A} · B ${B} · C ${C}${untiered ? ` · ${locale === 'zh' ? '未分级' : 'untiered'} ${untiered}` : ''}` },
    { label: pt(locale, 'noWin'), value: rules.noWinDays ? String(rules.noWinDays) : pt(locale, 'none') },
    { label: pt(locale, 'exempt'), value: onOff(rules.exemptNegotiation) },
    { label: pt(locale, 'limit'), value: String(rules.dailyClaimLimit) },
    { label: pt(locale, 'cooldown'), value: String(rules.reclaimCooldownDays) },
    { label: pt(locale, 'warn'), value: rules.warningDays.join(', ') },
  ];
  const title = head ?? pt(locale, 'title');
  return { text: [title, ...fields.map((f) => `${f.label}：${f.value}`)].join('\n'), card: { title, fields } };
}

export async function poolSettings(ctx: IntentContext, change: PoolRulesChange | undefined): Promise<Reply> {
  const { tx, actor, locale } = ctx;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { settings: true } });
  if (!change) return rulesReply(locale, poolRules(tenant.settings));
  if (actor.role !== 'admin') return { text: pt(locale, 'adminsOnly') };
  const settings = withPoolRules(tenant.settings, change);
  await tx.tenant.update({ where: { id: actor.tenantId }, data: { settings: settings as object } });
  return rulesReply(locale, poolRules(settings), pt(locale, 'saved'));
}
