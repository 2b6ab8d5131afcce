// "李娜下个月目标多少", "查看目标", "团队的目标是多少", "李娜1月的业绩目标" (issue #11, found by two
// testers: targets could be set by chat but never read back). The period's target of a person the
// actor may see, of the actor, or of the actor's team with each member's part.
import type { Reply } from '../chat/index.js';
import { canSee } from '../domain/actor.js';
import { goalsBy, type Goal } from '../domain/targets.js';
import { formatAmount, t } from '../i18n/index.js';
import { findPerson } from './query-who.js';
import { qt } from './query-messages.js';
import { gt } from './target-messages.js';
import { periodName } from './target-table.js';
import type { IntentContext, IntentHandler } from './types.js';

export const queryTarget: IntentHandler = {
  async handle(ctx, args): Promise<Reply> {
    const { actor, locale } = ctx;
    const key = typeof args.target_period === 'string' ? args.target_period : undefined;
    if (!key) return { text: t(locale, 'error.badArgs') };
    const period = periodName(locale, key);
    const people = await whoseTargets(ctx, args.subject);
    if ('reply' in people) return people.reply;
    const goals = await goalsBy(ctx.tx, actor.tenantId, { userIds: people.list.map((p) => p.id) }, key);
    const title = gt(locale, 'readTitle', { who: people.label, period });
    if (!goals.size) return { text: gt(locale, 'readNone', { who: people.label, period, example: example(locale) }) };
    const line = (g: Goal | undefined) => (g ? [formatAmount(g.amount, locale), ...(g.stretch !== null ? [gt(locale, 'readStretch', { amount: formatAmount(g.stretch, locale) })] : [])].join(' · ') : '—');
    const fields = people.list.map((p) => ({ label: p.name, value: line(goals.get(p.id)) }));
    if (people.list.length > 1) {
      const total = [...goals.values()].reduce((a, g) => a + g.amount, 0);
      fields.push({ label: gt(locale, 'readTotal'), value: formatAmount(total, locale) });
    }
    const text = [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n');
    return { text, card: { title, fields } };
  },
};

const example = (locale: string) => (locale === 'zh' ? '1月给李娜定200万' : 'set Li Na target for January 2M');

type People = { list: { id: string; name: string }[]; label: string } | { reply: Reply };

async function whoseTargets(ctx: IntentContext, subject: string | undefined): Promise<People> {
  const { actor, locale } = ctx;
  if (subject) {
    const person = await findPerson(ctx, subject);
    if (!person) return { reply: { text: qt(locale, 'noSuchPerson', { name: subject }) } };
    if (!canSee(actor, { tenantId: actor.tenantId, ownerId: person.id })) return { reply: { text: qt(locale, 'notVisible', { name: person.name }) } };
    return { list: [person], label: locale === 'zh' ? `${person.name} ` : `${person.name}'s` };
  }
  // A manager's (or admin's) targets are their team's, by rep; a rep's and care's are their own.
  if (actor.role !== 'manager' && actor.role !== 'admin') {
    const me = await ctx.tx.user.findFirstOrThrow({ where: { id: actor.userId }, select: { id: true, name: true } });
    return { list: [me], label: gt(locale, 'readMine') };
  }
  const ids = actor.visibleOwners === 'all' ? undefined : actor.visibleOwners;
  const list = await ctx.tx.user.findMany({ where: { tenantId: actor.tenantId, role: 'rep', ...(ids && { id: { in: ids } }) }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  return { list, label: gt(locale, 'readTeam') };
}
