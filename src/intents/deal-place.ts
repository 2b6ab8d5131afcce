// Where a message's deal facts land (issue #11): a second deal when the rep says so ("又有个新
// 商机"), the deal a button or the only open one names, or a question — which deal, or whether
// a stage should really move backwards. Nothing is written before the question is answered.
import type { Reply } from '../chat/index.js';
import { applyDealFacts, hasDealFacts, movesBack, openDeals, stopFollowUps, type DealRow } from '../domain/deals.js';
import { t } from '../i18n/index.js';
import type { Args } from './args.js';
import type { CustomerRef } from './customer.js';
import { dealFacts } from './deal-facts.js';
import { pickDeal } from './deal-choice.js';
import { ft } from './facts-messages.js';
import type { IntentContext } from './types.js';

export type Placed =
  | { reply: Reply; deal?: undefined }
  | { reply?: undefined; deal: DealRow | null; changed: boolean; created: boolean; count?: number; notes?: string[] };

export async function placeDealFacts(ctx: IntentContext, intent: string, args: Args, customer: CustomerRef): Promise<Placed> {
  const facts = dealFacts(args);
  if (args.new_deal) return addDeal(ctx, args, customer);
  if (!hasDealFacts(facts)) return { deal: (await openDeals(ctx.tx, ctx.actor, customer.id))[0] ?? null, changed: false, created: false };
  // "华为云赢单的那个金额改成58万" with another deal still open: the won one is edited, not the open one.
  const closedNamed = intent === 'update_deal' && !args.dealId && (facts.stage === 'won' || facts.stage === 'lost') && CLOSED_REF.test(ctx.text ?? args.summary ?? '')
    ? await closedToEdit(ctx, args, customer, facts.stage) : null;
  const picked = closedNamed ? { deal: closedNamed } : await pickDeal(ctx, intent, { ...args, customerId: customer.id }, customer);
  if (picked.reply) return picked;
  const target = picked.deal || intent !== 'update_deal' ? picked : { deal: await closedToEdit(ctx, args, customer, facts.stage, true) };
  // "招行那单黄了" with no deal open: the deal meant is already closed; a second, empty lost deal
  // would only count a loss twice. Said back, nothing written.
  if (!target.deal && intent === 'update_deal' && facts.stage === 'lost' && facts.amount === undefined) {
    const latest = await ctx.tx.deal.findFirst({ where: { tenantId: ctx.actor.tenantId, customerId: customer.id }, orderBy: { updatedAt: 'desc' } });
    if (latest) return { reply: { text: t(ctx.locale, 'deal.noneOpenToLose', { customer: customer.name, title: latest.title, stage: t(ctx.locale, `stage.${latest.stage}`) }) } };
  }
  if (target.deal && movesBack(target.deal.stage, facts.stage) && !args.confirmBack) {
    return { reply: await askBackwards(ctx, intent, args, customer, target.deal) };
  }
  // (Won again is no new win: the day it closed stays.)
  const closedAgain = target.deal && (facts.stage === 'won' || facts.stage === 'lost') && facts.stage === target.deal.stage;
  const { deal, created } = await applyDealFacts(ctx.changes, ctx.actor, customer, target.deal, closedAgain ? { ...facts, stage: undefined } : facts);
  // "顺丰那单丢了": its reminders to follow up stop, said so (a follow-up said with it is set after).
  const stopped = facts.stage === 'lost' && target.deal?.stage !== 'lost' ? await stopFollowUps(ctx.changes, ctx.actor, customer.id, deal.id) : 0;
  const notes = [
    ...(stopped ? [ft(ctx.locale, 'followUpsStopped', { n: stopped })] : []),
    ...(facts.expectedClose === null && target.deal?.expectedClose ? [ft(ctx.locale, 'closeCleared')] : []),
  ];
  return { deal, changed: true, created, notes };
}

// "招行赢单金额改成190万", "招行200万那单金额改成190万": with no deal open, an edit of a figure is
// about the deal just closed (in the last 30 days), not a new deal.
const EDITS = /改成|改为|改到|调成|调整为|更正|纠正|不对|其实是|应该是|说错|记错|写错|\b(?:actually|correct(?:ion)?|should be|change)\b/i;
const RECENT_MS = 30 * 86_400_000;
// ("招行那个单子签了 最后合同金额210万" the day after it was won, none open: the same win, its amount
// said again — not a second won deal. "又签了一单" is another.)
// "赢单的那个", "已经签了的那单", "丢了的那单": the deal named by how it closed.
const CLOSED_REF = /(?:赢单|签了|签下(?:来)?了?|已签|成交|拿下|丢单?|输)了?的(?:那|这)?(?:个|单|笔)?|\bthe (?:won|closed|lost) (?:deal|one)\b/i;
const ANOTHER = /又|另|新|再|第二|\b(?:another|new|second)\b/i;
const WON_AGAIN_MS = 7 * 86_400_000;
async function closedToEdit(ctx: IntentContext, args: Args, customer: CustomerRef, stage: string | undefined, noneOpen = false): Promise<DealRow | null> {
  const text = ctx.text ?? args.summary ?? '';
  const edits = EDITS.test(text);
  if (args.new_deal || (!edits && !(noneOpen && stage === 'won' && !ANOTHER.test(text)))) return null;
  const latest = await ctx.tx.deal.findFirst({
    where: { tenantId: ctx.actor.tenantId, customerId: customer.id, stage: { in: ['won', 'lost'] }, closedAt: { gte: new Date(ctx.now.getTime() - (edits ? RECENT_MS : WON_AGAIN_MS)) } },
    orderBy: { closedAt: 'desc' },
  });
  return latest && (stage === undefined || stage === latest.stage) ? latest : null;
}

/** "比亚迪又有个新商机，80万": another deal beside the open ones, titled with its number. */
async function addDeal(ctx: IntentContext, args: Args, customer: CustomerRef): Promise<Placed> {
  const count = await ctx.tx.deal.count({ where: { tenantId: ctx.actor.tenantId, customerId: customer.id } }) + 1;
  const named = projectName(args.summary ?? ctx.text ?? '');
  const title = named ? `${customer.name} ${named}` : count > 1 ? `${customer.name} #${count}` : customer.name;
  const { deal } = await applyDealFacts(ctx.changes, ctx.actor, customer, null, dealFacts(args), { title });
  return { deal, changed: true, created: true, count };
}

// "比亚迪新商机 车间MES系统 80万", "新项目：经销商门户": the name the rep gave the deal, so a later
// "哪个商机" lists it by that name (found by a tester: deals showed as "比亚迪 #4").
const PROJECT = /(?:新商机|新项目|新的商机|新的项目|new (?:deal|opportunity|project))\s*[:：,，]?\s*([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{1,15})(?=$|[\s,，。;；:：])/i;
const NOT_A_PROJECT = /^(?:金额|预算|大概|大约|估计|阶段|线索|需求|方案|商务|赢单|输单|是|有|叫|for|with|at|worth|about|around)|[0-9]+[万千wWkK]/i;
function projectName(text: string): string | undefined {
  const name = PROJECT.exec(text)?.[1];
  return name && !NOT_A_PROJECT.test(name) ? name : undefined;
}

function askBackwards(ctx: IntentContext, intent: string, args: Args, customer: CustomerRef, deal: DealRow): Promise<Reply> {
  const { locale } = ctx;
  const to = t(locale, `stage.${args.stage!}`);
  // ("不是 这是个新的项目": the stage said may be another deal's; it can be added beside this one.)
  return ctx.ask(ft(locale, 'askBackwards', { customer: customer.name, from: t(locale, `stage.${deal.stage}`), to }), [{
    label: ft(locale, 'confirmBackwards', { to }), style: 'primary',
    action: { intent, args: { ...args, customerId: customer.id, dealId: deal.id, confirmBack: true } },
  }, {
    label: ft(locale, 'asNewDeal'),
    action: { intent, args: { ...args, customerId: customer.id, new_deal: true } },
  }]);
}
