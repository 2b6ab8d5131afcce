// "今年团队目标3000万，按季度 2:3:2:3 分", "12月给张伟定250万", "Q1 each rep 500k",
// "明年每人每季度200万 挑战目标250万" (issue #15): managers set their team's targets, admins
// anyone's. The breakdown is shown first (nothing saved); 确认 saves it, audited (撤销 takes it back).
import { z } from 'zod';
import type { Reply } from '../chat/index.js';
import { canSee } from '../domain/actor.js';
import { matchKey } from '../domain/names.js';
import { teamsOf } from '../domain/reports.js';
import { childrenOf, planRows, type PlanInput, type PlanPerson } from '../domain/target-plan.js';
import { saveTargets } from '../domain/targets.js';
import type { Args } from './args.js';
import { findPerson } from './query-who.js';
import { gt } from './target-messages.js';
import { targetTable } from './target-table.js';
import type { IntentContext, IntentHandler } from './types.js';

const targetArgs = z.object({
  amount: z.number().positive(),
  target_period: z.string(),
  stretch: z.number().positive().optional(),
  split: z.array(z.number().positive()).optional(),
  shares: z.array(z.object({ name: z.string(), percent: z.number().positive() })).optional(),
  per_rep: z.boolean().optional(),
  each: z.enum(['quarter', 'month']).optional(),
  subject: z.string().optional(),
  confirm: z.boolean().optional(),
});
type TargetArgs = z.infer<typeof targetArgs>;

type Planned = { input: PlanInput } | { reply: Reply };
const say = (ctx: IntentContext, key: Parameters<typeof gt>[1], params?: Record<string, string | number>): { reply: Reply } =>
  ({ reply: { text: gt(ctx.locale, key, params) } });

/** One person's target: someone the actor may see (a manager's team, an admin everyone). */
async function forPerson(ctx: IntentContext, a: TargetArgs, name: string): Promise<Planned> {
  const person = await findPerson(ctx, name);
  if (!person || !canSee(ctx.actor, { tenantId: ctx.actor.tenantId, ownerId: person.id })) return say(ctx, 'notInTeam', { name });
  return { input: base(a, { people: [person] }) };
}

/** The team's target, shared among its reps (evenly, by shares, or each the amount). */
async function forTeam(ctx: IntentContext, a: TargetArgs): Promise<Planned> {
  const teams = await teamsOf(ctx.tx, ctx.actor);
  if (!teams.length) return say(ctx, 'noTeam');
  if (teams.length > 1) return say(ctx, 'manyTeams');
  const team = await ctx.tx.team.findUniqueOrThrow({ where: { id: teams[0]! }, select: { id: true, managerId: true } });
  const reps = await ctx.tx.user.findMany({
    where: { tenantId: ctx.actor.tenantId, teamId: team.id, id: { not: team.managerId ?? '' } }, select: { id: true, name: true }, orderBy: { name: 'asc' },
  });
  if (!reps.length) return say(ctx, 'noReps');
  const people = a.shares ? sharedAmong(reps, a.shares) : reps;
  if ('name' in people) return say(ctx, 'notInTeam', { name: people.name });
  if (a.shares) {
    const sum = a.shares.reduce((s, x) => s + x.percent, 0);
    if (Math.abs(sum - 100) > 0.01) return say(ctx, 'sharesBad', { sum });
  }
  return { input: base(a, { people, teamId: team.id }) };
}

function sharedAmong(reps: PlanPerson[], shares: NonNullable<TargetArgs['shares']>): PlanPerson[] | { name: string } {
  const out: PlanPerson[] = [];
  for (const s of shares) {
    const rep = reps.find((r) => matchKey(r.name) === matchKey(s.name));
    if (!rep) return { name: s.name };
    out.push({ ...rep, share: s.percent });
  }
  return out;
}

function base(a: TargetArgs, who: { people: PlanPerson[]; teamId?: string }): PlanInput {
  return {
    period: a.target_period, amount: a.amount, ...who,
    ...(a.stretch && { stretch: a.stretch }), ...(a.each && { each: a.each }), ...(a.split && { ratios: a.split }),
    ...(a.per_rep && who.teamId && { perRep: true }),
  };
}

export const setTarget: IntentHandler = {
  async handle(ctx, raw: Args) {
    if (ctx.actor.role !== 'manager' && ctx.actor.role !== 'admin') return { text: gt(ctx.locale, 'onlyManagers') };
    const parsed = targetArgs.safeParse(raw);
    if (!parsed.success) return { text: gt(ctx.locale, 'usage') };
    const a = parsed.data;
    const kids = childrenOf(a.target_period).length;
    if (a.split && a.split.length !== kids) {
      return { text: gt(ctx.locale, 'ratiosBad', { n: kids || 1, what: gt(ctx.locale, kids === 4 ? 'quarters' : 'months') }) };
    }
    const planned = a.subject && !a.per_rep ? await forPerson(ctx, a, a.subject) : await forTeam(ctx, a);
    if ('reply' in planned) return planned.reply;
    const rows = planRows(planned.input);
    const table = targetTable(ctx.locale, a.target_period, rows, planned.input);
    if (!a.confirm) {
      // The preview writes nothing: the button carries the same arguments, confirmed.
      const asked = await ctx.ask(gt(ctx.locale, 'confirmAsk'), [
        { label: gt(ctx.locale, 'confirm'), action: { intent: 'set_target', args: { ...raw, confirm: true } }, style: 'primary' },
      ]);
      return { text: [table.title, ...table.lines, asked.text].join('\n'), card: { ...asked.card, title: table.title, fields: table.fields } };
    }
    await saveTargets(ctx.changes, rows);
    const title = gt(ctx.locale, 'saved', { period: table.period, n: rows.length });
    return { text: [title, ...table.lines].join('\n'), card: { title, fields: table.fields } };
  },
};
