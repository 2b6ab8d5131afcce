// A manager's transfer by chat (issue #14): "把美团转给李娜", "张伟离职了，他的客户全部转给李娜".
// A confirmation card names how many customers move (and the first few); 确认 moves each one
// with its open deals and an OwnershipMove, all in this message's audit batch (撤销 takes the
// whole transfer back). A manager moves customers within their teams, an admin anywhere; reps
// and customer care are told how to ask instead. The reps hear of it from the ownership-news job.
import { z } from 'zod';
import type { Reply } from '../chat/index.js';
import { canSee, type Actor } from '../domain/actor.js';
import { pinyinKey } from '../domain/names.js';
import { transferCustomer } from '../domain/ownership.js';
import { t } from '../i18n/index.js';
import { needCustomer } from './customer.js';
import { ow } from './ownership-messages.js';
import { undoButton } from './render.js';
import type { IntentContext, IntentHandler } from './types.js';

const name = z.string().trim().min(1).max(100);
const transferArgs = z.object({
  customer: name.optional(), customerId: z.string().max(64).optional(),
  from_person: name.optional(), to_person: name.optional(), all: z.boolean().optional(), confirm: z.boolean().optional(),
});
type TransferArgs = z.infer<typeof transferArgs>;
interface Person { id: string; name: string }

/** How many names the card and the reply list. */
const SHOWN = 5;

/** A colleague by name, handle or pinyin ("Li Na" is 李娜). */
async function person(ctx: IntentContext, typed: string): Promise<Person | undefined> {
  const users = await ctx.tx.user.findMany({ where: { tenantId: ctx.actor.tenantId }, select: { id: true, name: true, handle: true } });
  const key = pinyinKey(typed);
  return users.find((u) => u.name === typed || u.handle.toLowerCase() === typed.toLowerCase())
    ?? users.find((u) => key.length >= 2 && pinyinKey(u.name) === key);
}

const mayMove = (actor: Actor, userId: string) => canSee(actor, { tenantId: actor.tenantId, ownerId: userId });

export const transferCustomers: IntentHandler = {
  async handle(ctx, raw) {
    const { actor, locale } = ctx;
    if (actor.role !== 'manager' && actor.role !== 'admin') return { text: ow(locale, 'repCannotTransfer') };
    const parsed = transferArgs.safeParse(raw);
    if (!parsed.success) return { text: t(locale, 'error.badArgs') };
    const args = parsed.data;
    if (!args.to_person || !(args.customer || args.customerId || (args.all && args.from_person))) return { text: ow(locale, 'transferMissing') };
    const to = await person(ctx, args.to_person);
    if (!to) return { text: ow(locale, 'personUnknown', { name: args.to_person }) };
    if (!mayMove(actor, to.id)) return { text: ow(locale, 'notInTeam', { name: to.name }) };
    return args.all ? transferAll(ctx, args, to) : transferOne(ctx, args, to);
  },
};

async function transferOne(ctx: IntentContext, args: TransferArgs, to: Person): Promise<Reply> {
  const { actor, locale } = ctx;
  const found = await needCustomer(ctx, 'transfer_customer', args, { allowCreate: false });
  if (found.reply) return found.reply;
  const customer = found.customer;
  if (customer.ownerId === to.id) return { text: ow(locale, 'sameOwner', { name: customer.name, to: to.name }) };
  const from = (await ctx.tx.user.findFirst({ where: { id: customer.ownerId, tenantId: actor.tenantId }, select: { id: true, name: true } })) ?? { id: customer.ownerId, name: '?' };
  if (!mayMove(actor, from.id)) return { text: ow(locale, 'notInTeam', { name: from.name }) };
  if (!args.confirm) {
    const deals = await openDeals(ctx, [customer.id]);
    return ctx.ask(ow(locale, 'confirmOne', { name: customer.name, from: from.name, to: to.name, deals }), [confirmButton(ctx, { ...args, customerId: customer.id })]);
  }
  await transferCustomer(ctx.changes, customer, to.id, ctx.now, 'manager');
  return done(ctx, ow(locale, 'transferred', { count: 1, from: from.name, to: to.name, names: customer.name }));
}

async function transferAll(ctx: IntentContext, args: TransferArgs, to: Person): Promise<Reply> {
  const { actor, locale, tx } = ctx;
  const from = await person(ctx, args.from_person!);
  if (!from) return { text: ow(locale, 'personUnknown', { name: args.from_person! }) };
  if (!mayMove(actor, from.id)) return { text: ow(locale, 'notInTeam', { name: from.name }) };
  if (from.id === to.id) return { text: ow(locale, 'transferMissing') };
  // What is in the pool stays there: it is no one's to hand over.
  const customers = await tx.customer.findMany({ where: { tenantId: actor.tenantId, ownerId: from.id, pooledAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true, ownerId: true } });
  if (!customers.length) return { text: ow(locale, 'noneToMove', { from: from.name }) };
  const names = customers.slice(0, SHOWN).map((c) => c.name).join('、');
  const more = customers.length > SHOWN ? ow(locale, 'more', { count: customers.length, n: customers.length - SHOWN }) : '';
  if (!args.confirm) {
    const deals = await openDeals(ctx, customers.map((c) => c.id));
    return ctx.ask(ow(locale, 'confirmAll', { from: from.name, to: to.name, count: customers.length, names, more, deals }), [confirmButton(ctx, args)]);
  }
  for (const c of customers) await transferCustomer(ctx.changes, c, to.id, ctx.now, 'manager');
  return done(ctx, ow(locale, 'transferred', { count: customers.length, from: from.name, to: to.name, names: names + more }));
}

const openDeals = (ctx: IntentContext, customerIds: string[]) =>
  ctx.tx.deal.count({ where: { tenantId: ctx.actor.tenantId, customerId: { in: customerIds }, stage: { notIn: ['won', 'lost'] } } });

const confirmButton = (ctx: IntentContext, args: TransferArgs) =>
  ({ label: ow(ctx.locale, 'confirm'), style: 'primary' as const, action: { intent: 'transfer_customer', args: { ...args, confirm: true } } });

const done = (ctx: IntentContext, text: string): Reply => ({ text, card: { title: text, buttons: [undoButton(ctx.locale, ctx.changes.ctx.batchId)] } });
