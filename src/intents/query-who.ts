// Whose numbers and which period a query asks for (issue #11): "张伟的漏斗", "李娜的业绩",
// "上个月业绩", "明天要跟进谁". A manager sees their team, care and admins everyone, a rep only
// themselves — asking about someone else gets a polite refusal, never someone else's data.
import type { Reply } from '../chat/index.js';
import { canSee } from '../domain/actor.js';
import { matchKey, pinyinKey } from '../domain/names.js';
import { shiftedRange } from '../domain/periods.js';
import type { Scope } from '../domain/reports.js';
import { formatCalendarDate, t, type Locale } from '../i18n/index.js';
import { calendarDate, isoInZone, type Period } from '../time.js';
import type { Args } from './args.js';
import { qt, type QueryMessage } from './query-messages.js';
import type { IntentContext } from './types.js';

export interface Whose {
  scope: Scope;
  /** "我的" / "团队" / "张伟的" — the start of a title. */
  label: string;
  /** Whose reminders (tasks). */
  people: string[] | 'all';
  note?: string;
}

export async function whose(ctx: IntentContext, args: Args): Promise<Whose | { reply: Reply }> {
  const { actor, locale } = ctx;
  if (args.subject) {
    const name = args.subject;
    const person = await findPerson(ctx, name);
    if (!person) return { reply: { text: qt(locale, 'noSuchPerson', { name }) } };
    if (person.id !== actor.userId) {
      if (!canSee(actor, { tenantId: actor.tenantId, ownerId: person.id })) return { reply: { text: qt(locale, 'notVisible', { name: person.name }) } };
      return { scope: { userId: person.id }, label: qt(locale, 'subjectScope', { name: person.name }), people: [person.id] };
    }
  }
  const wantsTeam = args.scope === 'team' && !args.subject;
  if (wantsTeam && actor.role === 'rep') return { ...mine(locale, actor.userId), note: t(locale, 'pipeline.teamOnlyManagers') };
  if (!wantsTeam) return mine(locale, actor.userId);
  return { scope: 'team', label: qt(locale, 'team'), people: actor.visibleOwners };
}

// "我的业绩", "my numbers": the asker's own ("我们" is the team).
const OWN = /我(?!们)|\b(?:my|me|mine|I)\b/i;

/** A manager asking with no one named ("本季度目标完成率多少", "这个月漏斗") means the team they run;
 * "我的业绩" is still their own. A rep's question is always their own. */
export function teamForManager(ctx: IntentContext, args: Args): Args {
  const { role } = ctx.actor;
  if ((role !== 'manager' && role !== 'admin') || args.subject || args.scope === 'team' || OWN.test(ctx.text ?? '')) return args;
  return { ...args, scope: 'team' };
}

/** By name, handle, or the name's pinyin ("Zhang Wei" → 张伟), in the actor's tenant. */
export async function findPerson(ctx: IntentContext, typed: string): Promise<{ id: string; name: string } | undefined> {
  const people = await ctx.tx.user.findMany({ where: { tenantId: ctx.actor.tenantId }, select: { id: true, name: true, handle: true } });
  const key = matchKey(typed);
  const sounds = pinyinKey(typed);
  return people.find((p) => matchKey(p.name) === key || p.handle.toLowerCase() === typed.trim().toLowerCase())
    ?? people.find((p) => pinyinKey(p.name) === sounds);
}

function mine(locale: Locale, userId: string): Whose {
  return { scope: 'me', label: qt(locale, 'me'), people: [userId] };
}

export interface AskedPeriod { period: Period; offset: number; start: Date; end: Date; label: string }

export function askedPeriod(ctx: IntentContext, args: Args, fallback: Period): AskedPeriod {
  const period = args.period ?? fallback;
  const offset = args.period_offset ?? 0;
  const { start, end } = shiftedRange(period, offset, ctx.now, ctx.actor.timeZone);
  return { period, offset, start, end, label: periodLabel(ctx.locale, period, offset, start, end, ctx.actor.timeZone) };
}

function periodLabel(locale: Locale, period: Period, offset: number, start: Date, end: Date, zone: string): string {
  if (!offset) return t(locale, `period.${period}`);
  if (offset === 1 || offset === -1) return qt(locale, `offset.${period}.${offset}` as QueryMessage);
  // The zone's calendar dates of the first and the last day (the end is exclusive).
  const day = (d: Date) => formatCalendarDate(calendarDate(isoInZone(d, zone)), locale, new Date(), zone);
  const first = day(start);
  const last = day(new Date(end.getTime() - 1));
  return first === last ? first : `${first}–${last}`; // 后天 is one day, not 12月8日–12月8日
}
